namespace CallCenter.Routing;

/// <summary>The most recent handle times of a queue (talk plus wrap-up), for the wait estimate.</summary>
internal sealed class HandleTimeWindow(int capacity)
{
    private readonly long[] _ticks = new long[capacity];
    private int _count;
    private int _next;
    private long _sum;

    public int Count => _count;

    public void Add(TimeSpan handleTime)
    {
        if (_count == _ticks.Length)
        {
            _sum -= _ticks[_next];
        }
        else
        {
            _count++;
        }

        _ticks[_next] = handleTime.Ticks;
        _sum += handleTime.Ticks;
        _next = (_next + 1) % _ticks.Length;
    }

    /// <summary>Mean of the window, or null while it is empty.</summary>
    public TimeSpan? Average => _count == 0 ? null : TimeSpan.FromTicks(_sum / _count);
}
