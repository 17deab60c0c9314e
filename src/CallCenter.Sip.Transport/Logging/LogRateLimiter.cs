namespace CallCenter.Sip.Transport.Logging;

/// <summary>
/// Lets at most a fixed number of log entries through per time window and counts the rest, so that a flood of bad
/// packets (a scanner, a broken peer) cannot flood the log. The first entry of a new window reports how many were
/// suppressed before it.
/// </summary>
public sealed class LogRateLimiter
{
    private readonly TimeProvider _time;
    private readonly long _windowTimestampTicks;
    private readonly int _entriesPerWindow;
    private readonly Lock _gate = new();
    private long _windowStart;
    private int _entriesInWindow;
    private long _suppressed;

    /// <summary>Allows <paramref name="entriesPerWindow"/> entries per <paramref name="window"/>.</summary>
    public LogRateLimiter(TimeProvider time, int entriesPerWindow, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(entriesPerWindow, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _time = time;
        _entriesPerWindow = entriesPerWindow;
        _windowTimestampTicks = (long)(window.TotalSeconds * time.TimestampFrequency);
        _windowStart = time.GetTimestamp();
    }

    /// <summary>
    /// True if an entry may be written now; <paramref name="suppressedBefore"/> is then the number of entries
    /// dropped since the last one allowed.
    /// </summary>
    public bool TryAcquire(out long suppressedBefore)
    {
        lock (_gate)
        {
            long now = _time.GetTimestamp();
            if (now - _windowStart >= _windowTimestampTicks)
            {
                _windowStart = now;
                _entriesInWindow = 0;
            }

            if (_entriesInWindow < _entriesPerWindow)
            {
                _entriesInWindow++;
                suppressedBefore = _suppressed;
                _suppressed = 0;
                return true;
            }

            _suppressed++;
            suppressedBefore = 0;
            return false;
        }
    }
}
