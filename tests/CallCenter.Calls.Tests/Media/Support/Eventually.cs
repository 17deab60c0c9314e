using System.Diagnostics;

namespace CallCenter.Calls.Tests.Media.Support;

/// <summary>
/// Waits for something another thread (the media clock, a receive thread) makes true. The limit is only a
/// safety net for a broken build; a passing test returns as soon as the condition holds.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    public static void True(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > Limit)
            {
                Assert.Fail($"Gave up waiting for {what}.");
            }

            Thread.Sleep(5);
        }
    }
}
