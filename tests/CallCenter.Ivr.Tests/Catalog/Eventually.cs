namespace CallCenter.Ivr.Tests.Catalog;

/// <summary>
/// Waits for something that happens on another thread (a file-system event), checking again and again until it
/// holds or a generous bound passes. The bound only stops a broken build from hanging; nothing is measured.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="step"/> until it returns true; fails with <paramref name="what"/> after the bound.</summary>
    public static void Holds(Func<bool> step, string what)
    {
        DateTime giveUp = DateTime.UtcNow + Bound;
        while (!step())
        {
            Assert.True(DateTime.UtcNow < giveUp, $"still not true after {Bound.TotalSeconds} s: {what}");
            Thread.Sleep(20);
        }
    }
}
