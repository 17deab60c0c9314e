namespace CallCenter.Sip.Core;

/// <summary>When an outbound registration refreshes and retries. Pure.</summary>
public static class RegistrationTiming
{
    /// <summary>Most time a refresh is sent ahead of expiry.</summary>
    public static TimeSpan MaxRefreshMargin { get; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// §10.2.4/§10.2.1.1: the binding lasts <paramref name="granted"/> from the 2xx; we refresh ahead of that by a
    /// minute, or by half the lifetime when it is short, so a lost first refresh still has time for retransmissions.
    /// </summary>
    public static TimeSpan RefreshDelay(TimeSpan granted)
    {
        var margin = granted / 2 < MaxRefreshMargin ? granted / 2 : MaxRefreshMargin;
        return granted - margin;
    }

    /// <summary>Back-off after <paramref name="failures"/> failed attempts in a row: base, 2·base, 4·base… up to <paramref name="max"/>.</summary>
    public static TimeSpan RetryDelay(int failures, TimeSpan retryBase, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var doublings = Math.Min(failures - 1, 30);
        var delay = retryBase * Math.Pow(2, doublings);
        return delay < max ? delay : max;
    }
}
