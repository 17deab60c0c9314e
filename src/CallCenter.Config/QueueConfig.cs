namespace CallCenter.Config;

/// <summary>One queue: the skills it needs and how it treats waiting callers. Immutable; values validated by <see cref="ConfigLoader"/>.</summary>
/// <param name="Name">Queue name, lowercase letters, digits and '-'.</param>
/// <param name="Skills">Skill name to the minimum proficiency (1–10) an agent needs.</param>
/// <param name="Priority">1–10; callers in higher-priority queues are offered to agents first.</param>
/// <param name="ServiceLevel">The reported service-level goal.</param>
/// <param name="MaxWait">Longest wait before <see cref="WhenMaxWait"/> applies; null for no limit.</param>
/// <param name="WhenMaxWait">What happens at <see cref="MaxWait"/>.</param>
/// <param name="WhenNobodyLoggedIn">What happens when no agent with the skills is logged in.</param>
/// <param name="Strategy">How an agent is picked.</param>
/// <param name="RingTimeout">How long an agent's phone rings before the call is offered to another.</param>
/// <param name="MaxMissedCalls">Missed offers in a row after which the agent is paused.</param>
/// <param name="RejectDelay">How long an agent who rejected a call is skipped.</param>
/// <param name="WrapUp">After-call work time before the agent is offered another call.</param>
/// <param name="AnnounceEvery">Interval of position/wait announcements; null for none.</param>
/// <param name="CallbackOfferAfter">Offer a callback when the estimated wait exceeds this; null to never offer on the estimate.</param>
/// <param name="Expand">Steps that widen the agent pool as the wait grows, in increasing time.</param>
public sealed record QueueConfig(
    string Name,
    IReadOnlyDictionary<string, int> Skills,
    int Priority,
    QueueServiceLevel ServiceLevel,
    TimeSpan? MaxWait,
    QueueFallbackRule WhenMaxWait,
    QueueFallbackRule WhenNobodyLoggedIn,
    QueueStrategy Strategy,
    TimeSpan RingTimeout,
    int MaxMissedCalls,
    TimeSpan RejectDelay,
    TimeSpan WrapUp,
    TimeSpan? AnnounceEvery,
    TimeSpan? CallbackOfferAfter,
    IReadOnlyList<QueueExpansionStep> Expand)
{
    /// <summary>
    /// Prompt key of music looped for waiting callers instead of comfort noise (e.g. <c>music/hold</c>), or null for the
    /// default: comfort noise between announcements, no music.
    /// </summary>
    public string? HoldMusic { get; init; }

    /// <summary>Where <see cref="HoldMusic"/> is written in the file, for errors found at start (a missing prompt).</summary>
    public Yaml.TextPosition? HoldMusicAt { get; init; }

    /// <summary>Priority when the file sets none.</summary>
    public const int DefaultPriority = 5;

    /// <summary>Identifies the queue for logs.</summary>
    public override string ToString() => $"queue {Name}";
}
