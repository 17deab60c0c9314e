namespace CallCenter.Sip.Transport.Tcp;

/// <summary>
/// Closes TCP connections that carried no traffic for <see cref="SipTransportOptions.TcpIdleTimeout"/>, checking
/// on a timer of the injected <see cref="TimeProvider"/>. A connection may live up to one check period longer
/// than the timeout.
/// </summary>
internal sealed class TcpIdleSweeper : IDisposable
{
    private static readonly TimeSpan MinPeriod = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxPeriod = TimeSpan.FromSeconds(30);

    private readonly TcpConnectionTable _table;
    private readonly TransportContext _context;
    private ITimer? _timer;

    public TcpIdleSweeper(TcpConnectionTable table, TransportContext context)
    {
        _table = table;
        _context = context;
    }

    /// <summary>Time between checks: a tenth of the timeout, within sensible bounds.</summary>
    public TimeSpan Period
    {
        get
        {
            var tenth = _context.Options.TcpIdleTimeout / 10;
            return tenth < MinPeriod ? MinPeriod : tenth > MaxPeriod ? MaxPeriod : tenth;
        }
    }

    public void Start() => _timer = _context.Time.CreateTimer(_ => Sweep(), null, Period, Period);

    /// <summary>Closes every connection idle for longer than the timeout.</summary>
    public void Sweep()
    {
        var time = _context.Time;
        long now = time.GetTimestamp();
        foreach (var connection in _table.Snapshot())
        {
            if (time.GetElapsedTime(connection.LastActivity, now) >= _context.Options.TcpIdleTimeout)
            {
                _context.Counters.TcpIdleTimeout();
                connection.Close("idle timeout");
            }
        }
    }

    public void Dispose() => _timer?.Dispose();
}
