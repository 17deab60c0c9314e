namespace CallCenter.Routing;

/// <summary>What a timer does when it falls due.</summary>
internal enum TimerKind
{
    ExpansionStep,
    MaxWait,
    RingTimeout,
    AgentReady,
}

/// <summary>A pending timer. Cancelling is lazy: the target's version is checked when it fires.</summary>
internal readonly record struct RoutingTimer(TimerKind Kind, ContactEntry? Contact, AgentRecord? Agent, long Version);

/// <summary>
/// Timers ordered by due time, then contact timers (expansion, max wait) before offer and agent timers, then the
/// order they were set. Pools therefore widen before an agent freed at the same instant looks at them, and equal
/// due times always fire in the same order.
/// Cancelled timers stay in the heap until due and are skipped then; that keeps every cancel O(1).
/// </summary>
internal sealed class RoutingTimers
{
    private readonly PriorityQueue<RoutingTimer, (long DueTicks, int Rank, long Sequence)> _heap = new();
    private long _sequence;

    public int Count => _heap.Count;

    public DateTimeOffset? NextDue => _heap.TryPeek(out _, out var key) ? new DateTimeOffset(key.DueTicks, TimeSpan.Zero) : null;

    public void Add(DateTimeOffset due, RoutingTimer timer) => _heap.Enqueue(timer, (due.UtcTicks, timer.Kind is TimerKind.ExpansionStep or TimerKind.MaxWait ? 0 : 1, _sequence++));

    /// <summary>Takes the next timer due at or before <paramref name="now"/>.</summary>
    public bool TryTakeDue(DateTimeOffset now, out RoutingTimer timer, out DateTimeOffset due)
    {
        if (_heap.TryPeek(out timer, out var key) && key.DueTicks <= now.UtcTicks)
        {
            _heap.Dequeue();
            due = new DateTimeOffset(key.DueTicks, TimeSpan.Zero);
            return true;
        }

        due = default;
        return false;
    }
}
