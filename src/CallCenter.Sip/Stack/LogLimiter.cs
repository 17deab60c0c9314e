namespace CallCenter.Sip.Stack;

/// <summary>
/// Allows a few log entries per time window and counts the rest, so a scanner sending garbage cannot
/// flood the log. Thread-safe.
/// </summary>
public sealed class LogLimiter(TimeProvider time, int perWindow, TimeSpan window)
{
    private readonly object _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _used;
    private long _suppressed;

    /// <summary>True when this entry may be logged; <paramref name="suppressed"/> is how many were dropped since the last one logged.</summary>
    public bool TryAcquire(out long suppressed)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _windowStart >= window)
            {
                _windowStart = now;
                _used = 0;
            }

            if (_used < perWindow)
            {
                _used++;
                suppressed = _suppressed;
                _suppressed = 0;
                return true;
            }

            _suppressed++;
            suppressed = 0;
            return false;
        }
    }
}
