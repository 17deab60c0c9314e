namespace CallCenter.Sip.SessionTimers;

/// <summary>
/// The running session timer of one dialog (RFC 4028 §10). While we refresh, it says when the next refresh is due
/// (half the interval); while the peer refreshes, it says when to give the session up (the interval less the smaller
/// of 32 s and a third of it) unless a refresh came first. Each refresh starts a new interval. A refresh we could not
/// make can be retried a little later, but never past the end of the interval: then the session is given up.
/// Thread-safe: the clock, receive threads and the application all touch it; the callbacks run outside its lock.
/// </summary>
public sealed class SessionTimer : IDisposable
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly Action _refreshDue;
    private readonly Action _expired;
    private ITimer? _timer;
    private SessionInterval? _current;
    private DateTimeOffset _endsAt;
    private long _generation;
    private bool _disposed;

    /// <summary>Creates a stopped timer.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="refreshDue">Called when we are the refresher and a refresh is due.</param>
    /// <param name="expired">Called once when the session is given up (no refresh in time).</param>
    public SessionTimer(TimeProvider time, Action refreshDue, Action expired)
    {
        _time = time;
        _refreshDue = refreshDue;
        _expired = expired;
    }

    /// <summary>The interval in force, or null when no session timer runs.</summary>
    public SessionInterval? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>A refresh (or the session's start) negotiated <paramref name="interval"/>: a new interval begins now.</summary>
    public void Start(SessionInterval interval)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _current = interval;
            _endsAt = _time.GetUtcNow() + interval.Length;
            ArmLocked(interval.WeRefresh ? interval.RefreshAfter : interval.GiveUpAfter);
        }
    }

    /// <summary>The session no longer has a timer (a refresh negotiated none).</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _current = null;
            DisarmLocked();
        }
    }

    /// <summary>
    /// We could not refresh now (an INVITE in progress, a 491, a failed attempt): try again after
    /// <paramref name="delay"/>, or give the session up at its end if that comes first.
    /// </summary>
    public void RetryRefreshIn(TimeSpan delay)
    {
        lock (_gate)
        {
            if (_disposed || _current is null)
            {
                return;
            }

            var untilEnd = _endsAt - _time.GetUtcNow();
            if (untilEnd > TimeSpan.Zero)
            {
                ArmLocked(delay < untilEnd ? delay : untilEnd);
                return;
            }

            _current = null;
            DisarmLocked();
        }

        _expired();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _current = null;
            DisarmLocked();
        }
    }

    // A new timer per arming, tagged with a generation: a firing already under way when the timer was re-armed
    // (a refresh arriving just as it expired) is recognised as stale and ignored.
    private void ArmLocked(TimeSpan delay)
    {
        DisarmLocked();
        var generation = ++_generation;
        _timer = _time.CreateTimer(static state => ((Firing)state!).Timer.OnDue(((Firing)state).Generation), new Firing(this, generation), delay, Timeout.InfiniteTimeSpan);
    }

    private void DisarmLocked()
    {
        _generation++;
        _timer?.Dispose();
        _timer = null;
    }

    private void OnDue(long generation)
    {
        Action action;
        lock (_gate)
        {
            if (_disposed || _current is not { } current || generation != _generation)
            {
                return;
            }

            if (current.WeRefresh && _time.GetUtcNow() < _endsAt)
            {
                action = _refreshDue;
            }
            else
            {
                _current = null;
                action = _expired;
            }
        }

        action();
    }

    private sealed record Firing(SessionTimer Timer, long Generation);
}
