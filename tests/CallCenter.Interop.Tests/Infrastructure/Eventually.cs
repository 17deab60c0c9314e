namespace CallCenter.Interop.Tests.Infrastructure;

/// <summary>Bounded polling for state a peer changes asynchronously (a softphone registering, a proxy binding its port).</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Polls <paramref name="probe"/> until it returns true or <paramref name="limit"/> passes; returns the last answer.
    /// </summary>
    public static async Task<bool> TrueWithinAsync(TimeSpan limit, Func<Task<bool>> probe)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (await probe())
            {
                return true;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Synchronous-probe form of <see cref="TrueWithinAsync(TimeSpan, Func{Task{bool}})"/>.</summary>
    public static Task<bool> TrueWithinAsync(TimeSpan limit, Func<bool> probe) =>
        TrueWithinAsync(limit, () => Task.FromResult(probe()));
}
