namespace CallCenter.Media.Transport.Clock;

/// <summary>Blocks the clock thread until a timestamp of the clock's <see cref="TimeProvider"/>.</summary>
internal interface ITickWaiter
{
    /// <summary>Returns at or soon after <paramref name="timestamp"/>; at once if it has passed.</summary>
    void WaitUntil(long timestamp);
}
