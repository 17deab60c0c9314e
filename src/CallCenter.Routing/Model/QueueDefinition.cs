namespace CallCenter.Routing;

/// <summary>
/// A routing queue: which skills its contacts need, how they are ordered and matched, and what happens when
/// they wait too long or nobody is logged in. Times are durations; the engine takes the clock from its callers.
/// </summary>
/// <param name="Id">Queue id, unique in the engine.</param>
/// <param name="Requirements">Skills every contact of this queue needs (all of them), unless the contact brings its own.</param>
public sealed record QueueDefinition(string Id, IReadOnlyList<SkillRequirement> Requirements)
{
    /// <summary>Ring timeout used when none is configured (the default).</summary>
    public static readonly TimeSpan DefaultRingTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Default priority of the queue's contacts; higher is served first. The IVR may raise it per contact.</summary>
    public int Priority { get; init; }

    /// <summary>The queue's service-level target (reported, not enforced).</summary>
    public ServiceLevelTarget ServiceLevel { get; init; } = ServiceLevelTarget.Default;

    /// <summary>
    /// Longest a call may wait in this queue before <see cref="WhenMaxWait"/> applies; null for no limit. Counted from
    /// when it entered this queue; callbacks have no maximum wait. A call ringing an agent at that moment is left
    /// to the offer, and the limit applies if it comes back unanswered.
    /// </summary>
    public TimeSpan? MaxWait { get; init; }

    /// <summary>What happens at <see cref="MaxWait"/>.</summary>
    public QueueFallback WhenMaxWait { get; init; } = QueueFallback.Message;

    /// <summary>
    /// What happens to a call that arrives while no agent eligible at the widest expansion step is logged in and
    /// registered (paused agents count as logged in). Callbacks always wait: the centre has promised them.
    /// </summary>
    public QueueFallback WhenNobodyLoggedIn { get; init; } = QueueFallback.Wait;

    /// <summary>How an agent is chosen among the eligible available ones.</summary>
    public RoutingStrategy Strategy { get; init; } = RoutingStrategy.BestSkill;

    /// <summary>How long an offered agent's phone rings before the offer counts as not answered.</summary>
    public TimeSpan RingTimeout { get; init; } = DefaultRingTimeout;

    /// <summary>Consecutive missed offers after which the agent is paused with reason "missed calls".</summary>
    public int MaxConsecutiveMisses { get; init; } = 2;

    /// <summary>After-call work time before the agent is available again.</summary>
    public TimeSpan WrapUp { get; init; } = TimeSpan.Zero;

    /// <summary>How long an agent who declined an offer (busy/decline) is kept from new offers.</summary>
    public TimeSpan RejectDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Skill-expansion steps, applied in order of <see cref="ExpansionStep.After"/>.</summary>
    public IReadOnlyList<ExpansionStep> Expansion { get; init; } = [];
}
