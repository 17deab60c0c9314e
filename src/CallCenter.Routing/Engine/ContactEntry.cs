namespace CallCenter.Routing;

/// <summary>The engine's mutable record of a live contact. Its sort key (priority, arrival, id) never changes.</summary>
internal sealed class ContactEntry(WaitingContact contact, QueueRuntime queue, RoutingPool[] stepPools)
{
    public WaitingContact Contact { get; } = contact;

    public QueueRuntime Queue { get; } = queue;

    /// <summary>Pool per expansion step: index 0 is the requirements alone.</summary>
    public RoutingPool[] StepPools { get; } = stepPools;

    public int Step { get; set; }

    public RoutingPool CurrentPool => StepPools[Step];

    public ContactState Status { get; set; } = ContactState.Waiting;

    public AgentRecord? Agent { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>Bumped on every offer so a stale ring-timeout timer is recognised.</summary>
    public long OfferVersion { get; set; }

    /// <summary>False once the contact left routing; its timers are then ignored.</summary>
    public bool Live { get; set; } = true;
}
