namespace CallCenter.Media.Transport.Clock;

/// <summary>
/// When each tick is due: tick n at start + n × period, computed from the start rather than from the previous tick,
/// so wake-up delays never accumulate into drift. Decides how to catch up when the clock has fallen behind.
/// Pure logic, no threads or clocks, so it can be tested with plain numbers.
/// </summary>
internal sealed class MediaTickSchedule
{
    private readonly long _start;
    private readonly long _period;
    private readonly int _maxCatchUpTicks;

    /// <param name="start">Timestamp at which tick 0 is due.</param>
    /// <param name="period">Timestamp ticks between ticks.</param>
    /// <param name="maxCatchUpTicks">How many overdue ticks are still run back to back; beyond, they are skipped.</param>
    public MediaTickSchedule(long start, long period, int maxCatchUpTicks)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCatchUpTicks);
        _start = start;
        _period = period;
        _maxCatchUpTicks = maxCatchUpTicks;
    }

    /// <summary>Index of the next tick to run.</summary>
    public long NextIndex { get; private set; }

    /// <summary>Ticks skipped so far because the clock was too far behind.</summary>
    public long SkippedTicks { get; private set; }

    /// <summary>When the next tick is due.</summary>
    public long NextDue => _start + (NextIndex * _period);

    /// <summary>
    /// At <paramref name="now"/>, takes the tick to run, if one is due: its index and due time. When more than
    /// the catch-up allowance is overdue, the older ticks are skipped and the latest due one is taken.
    /// </summary>
    public bool TryTake(long now, out long index, out long due)
    {
        index = NextIndex;
        due = NextDue;
        if (now < due)
        {
            return false;
        }

        long overdue = (now - due) / _period;
        if (overdue > _maxCatchUpTicks)
        {
            index += overdue;
            due = _start + (index * _period);
            SkippedTicks += overdue;
        }

        NextIndex = index + 1;
        return true;
    }
}
