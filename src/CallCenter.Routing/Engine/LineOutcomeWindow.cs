namespace CallCenter.Routing;

/// <summary>
/// How the most recent contacts of a queue left its line: served by an agent, or gone without one (the caller hung up,
/// or the maximum wait moved them on). The share gone without an agent thins the line ahead of a new caller, so the
/// wait estimate counts the callers ahead by it.
/// </summary>
internal sealed class LineOutcomeWindow(int capacity)
{
    private readonly bool[] _unserved = new bool[capacity];
    private int _count;
    private int _next;
    private int _unservedCount;

    /// <summary>Records one contact leaving the line; <paramref name="served"/> when an agent answered it.</summary>
    public void Add(bool served)
    {
        if (_count == _unserved.Length)
        {
            _unservedCount -= _unserved[_next] ? 1 : 0;
        }
        else
        {
            _count++;
        }

        _unserved[_next] = !served;
        _unservedCount += served ? 0 : 1;
        _next = (_next + 1) % _unserved.Length;
    }

    /// <summary>Share of the window that left without an agent, 0 while the window is empty.</summary>
    public double UnservedShare => _count == 0 ? 0 : (double)_unservedCount / _count;
}
