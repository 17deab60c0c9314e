namespace CallCenter.Routing;

/// <summary>A queue definition with what the engine keeps for it: handle times and its default pools.</summary>
internal sealed class QueueRuntime(QueueDefinition definition, ExpansionStep[] steps, int handleTimeWindow)
{
    public QueueDefinition Definition { get; } = definition;

    /// <summary>Expansion steps sorted by <see cref="ExpansionStep.After"/>.</summary>
    public ExpansionStep[] Steps { get; } = steps;

    public HandleTimeWindow HandleTimes { get; } = new(handleTimeWindow);

    /// <summary>How the latest contacts left the line (served or not), over the same window as the handle times.</summary>
    public LineOutcomeWindow LineOutcomes { get; } = new(handleTimeWindow);

    /// <summary>Pools for contacts that use the queue's own requirements, built on first use.</summary>
    public RoutingPool[]? DefaultPools { get; set; }

    /// <summary>Pools for contacts with their own requirements, keyed by the requirement list, built on first use.</summary>
    public Dictionary<string, RoutingPool[]> CustomPools { get; } = new(StringComparer.Ordinal);
}
