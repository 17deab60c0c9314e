namespace CallCenter.Calls.Routing;

/// <summary>
/// How the live router starts and what its implicit <c>default</c> queue does (bound from configuration section
/// <c>Routing</c>). The configured queues take their settings from the contact-centre file.
/// </summary>
public sealed class RoutingOptions
{
    /// <summary>
    /// Whether the configured agents start logged in (available as soon as their softphone registers). True by default,
    /// so a demo works without a log-in step; set false to make agents log in by feature code or API first.
    /// </summary>
    public bool AgentsStartLoggedIn { get; set; } = true;

    /// <summary>Timestamped state changes kept in memory per agent (older ones are dropped; the state log keeps them).</summary>
    public int AgentHistoryLimit { get; set; } = 100;

    /// <summary>The queue calls go to when no configured queue has exactly the skills their flow asked for.</summary>
    public DefaultQueueSettings DefaultQueue { get; set; } = new();
}

/// <summary>
/// Settings of the implicit queue <c>default</c>. Its requirements are always those of each call (the flow's skills at
/// proficiency 1 or more); the other values mirror the defaults of a queue in the contact-centre file.
/// </summary>
public sealed class DefaultQueueSettings
{
    /// <summary>The queue's name, as metrics and the API show it.</summary>
    public const string Name = "default";

    /// <summary>How long an agent's phone rings before the next agent; null uses <see cref="CallOptions.RingTimeout"/>.</summary>
    public TimeSpan? RingTimeout { get; set; }

    /// <summary>Missed calls in a row after which the agent is paused with reason "missed calls".</summary>
    public int MaxMissedCalls { get; set; } = 2;

    /// <summary>How long an agent who declined a call (busy, decline) is skipped.</summary>
    public TimeSpan RejectDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After-call work time before the agent is offered another call.</summary>
    public TimeSpan WrapUp { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Interval of position and wait announcements; null or zero for none.</summary>
    public TimeSpan? AnnounceEvery { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Prompt key looped between announcements instead of comfort noise (e.g. <c>music/hold</c>); null (the default) for comfort noise.</summary>
    public string? HoldMusic { get; set; }

    /// <summary>Longest wait before the caller hears that all agents are busy (the flow's no-agent path); null for no limit.</summary>
    public TimeSpan? MaxWait { get; set; }

    /// <summary>
    /// What a caller who arrives while no eligible agent is logged in gets: true (the default) sends the call back to its
    /// flow's no-agent path at once, false keeps it waiting.
    /// </summary>
    public bool NoAgentWhenNobodyLoggedIn { get; set; } = true;
}
