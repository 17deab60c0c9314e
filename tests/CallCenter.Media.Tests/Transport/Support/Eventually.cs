namespace CallCenter.Media.Tests.Transport.Support;

/// <summary>
/// Waits for a condition that another thread makes true (a packet crossing loopback). The bound only keeps a broken
/// test from hanging; no test asserts on how long anything takes.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static void True(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Never happened: {what}");
            }

            Thread.Sleep(5);
        }
    }
}
