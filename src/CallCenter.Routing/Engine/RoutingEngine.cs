namespace CallCenter.Routing;

/// <summary>
/// The routing engine: agents, queues and waiting contacts, and one routing decision per event (a contact
/// arrives, an agent frees up, time passes). Pure and single-threaded by contract: the server drives it from one
/// actor, passes the clock in as <c>now</c> on every call, and carries out the <see cref="RoutingDecision"/>s it
/// returns. Every event first runs the timers due at or before its <c>now</c>, in due order, so the outcome
/// depends only on the sequence of events and their times.
/// </summary>
/// <remarks>
/// Contacts with the same eligibility rule (requirements after the expansion steps so far) and strategy share a
/// <see cref="RoutingPool"/>: a sorted set of waiting contacts and a sorted set of the available agents eligible
/// for them. A pool never holds both (whichever arrives second is matched at once), so an arriving contact
/// looks at one agent-set head and a freed agent at the contact-set heads of its pools: O(p log n) for p pools.
/// </remarks>
public sealed partial class RoutingEngine
{
    private static readonly RoutingDecision[] NoDecisions = [];

    private readonly RoutingEngineOptions _options;
    private readonly Dictionary<string, QueueRuntime> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgentRecord> _agents = new(StringComparer.Ordinal);
    private readonly List<AgentRecord> _agentList = [];
    private readonly Dictionary<string, ContactEntry> _contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<(RoutingStrategy Strategy, string RuleKey), RoutingPool> _pools = new();
    private readonly RoutingTimers _timers = new();
    private readonly ContactOrder _contactOrder = new();
    private readonly AgentOrder[] _agentOrders = [.. Enum.GetValues<RoutingStrategy>().Select(s => new AgentOrder(s))];
    private List<RoutingDecision> _decisions = [];
    private DateTimeOffset _now = DateTimeOffset.MinValue;
    private long _offerSequence;

    /// <summary>Builds an engine for <paramref name="queues"/>.</summary>
    /// <exception cref="ArgumentException">The queues are inconsistent; the message lists every problem (see <see cref="QueueValidator"/>).</exception>
    public RoutingEngine(IEnumerable<QueueDefinition> queues, RoutingEngineOptions? options = null)
    {
        _options = options ?? new RoutingEngineOptions();
        var list = queues.ToList();
        var errors = QueueValidator.Validate(list);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid queue definitions: " + string.Join(" ", errors), nameof(queues));
        }

        foreach (var q in list)
        {
            var steps = q.Expansion.OrderBy(s => s.After).ToArray();
            _queues.Add(q.Id, new QueueRuntime(q, steps, Math.Max(1, _options.HandleTimeWindow)));
        }
    }

    /// <summary>All agents, in the order they were added.</summary>
    public IReadOnlyList<AgentRecord> Agents => _agentList;

    /// <summary>Live contacts (waiting, ringing or connected).</summary>
    public int LiveContacts => _contacts.Count;

    /// <summary>When the earliest pending timer falls due (call <see cref="AdvanceTo"/> then), or null.</summary>
    public DateTimeOffset? NextTimerDue => _timers.NextDue;

    /// <summary>The agent with <paramref name="agentId"/>, or null.</summary>
    public AgentRecord? GetAgent(string agentId) => _agents.GetValueOrDefault(agentId);

    /// <summary>A live contact's state, or null when routing no longer holds it.</summary>
    public ContactSnapshot? GetContact(string contactId) =>
        _contacts.TryGetValue(contactId, out var c) ? new ContactSnapshot(c.Contact, c.Status, c.Step, c.Agent?.Id) : null;

    /// <summary>Every live contact, in no particular order (O(n): for dashboards and checks, not routing).</summary>
    public IReadOnlyList<ContactSnapshot> SnapshotContacts() =>
        [.. _contacts.Values.Select(c => new ContactSnapshot(c.Contact, c.Status, c.Step, c.Agent?.Id))];

    /// <summary>Time passes: runs every timer due at or before <paramref name="now"/>.</summary>
    public RoutingResult AdvanceTo(DateTimeOffset now)
    {
        Begin(now);
        return End(null);
    }

    /// <summary>
    /// Position and estimated wait of a waiting contact, or null when it is not waiting.
    /// Estimated wait = (1 + callers ahead × share of recent callers served) × average handle time ÷ staffed eligible
    /// agents. The average is over the queue's last <see cref="RoutingEngineOptions.HandleTimeWindow"/> handle times
    /// (talk + wrap-up); the served share is over as many of its latest contacts to leave the line (those who hung up
    /// or reached the maximum wait do not hold up the callers behind them); staffed means logged in, registered and
    /// not paused. Unknown (null) with no handle times yet or nobody staffed. Position counts the contacts ahead in
    /// the same pool, so this query is O(position), unlike routing.
    /// </summary>
    public WaitEstimate? GetWaitEstimate(string contactId)
    {
        if (!_contacts.TryGetValue(contactId, out var c) || c.Status != ContactState.Waiting)
        {
            return null;
        }

        var pool = c.CurrentPool;
        int position = pool.Contacts.GetViewBetween(pool.Contacts.Min!, c).Count;
        var average = c.Queue.HandleTimes.Average;
        double servedAhead = (position - 1) * (1 - c.Queue.LineOutcomes.UnservedShare);
        TimeSpan? estimate = average is { } aht && pool.Staffed > 0 ? aht * (1 + servedAhead) / pool.Staffed : null;
        return new WaitEstimate(position, estimate, pool.Staffed);
    }

    /// <summary>Sorted-set comparisons made so far: the engine's algorithmic work, for the O(log n) growth test.</summary>
    internal long Comparisons => _contactOrder.Comparisons + _agentOrders.Sum(o => o.Comparisons);

    private DateTimeOffset Begin(DateTimeOffset now)
    {
        // Time never runs backwards inside the engine: a late event is applied at the engine's time.
        if (now > _now)
        {
            _now = now;
        }

        RunDueTimers(_now);
        return _now;
    }

    private RoutingResult End(string? error)
    {
        IReadOnlyList<RoutingDecision> decisions = NoDecisions;
        if (_decisions.Count > 0)
        {
            decisions = _decisions;
            _decisions = [];
        }

        return new RoutingResult(decisions, error);
    }

    private void Emit(RoutingDecision decision) => _decisions.Add(decision);
}
