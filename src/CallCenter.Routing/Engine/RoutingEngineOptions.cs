namespace CallCenter.Routing;

/// <summary>Engine-wide settings.</summary>
public sealed record RoutingEngineOptions
{
    /// <summary>Handle times per queue kept for the wait estimate (a sliding window of the most recent calls).</summary>
    public int HandleTimeWindow { get; init; } = 50;

    /// <summary>
    /// History entries kept per agent once persisted elsewhere; the list is trimmed back to this many when it
    /// reaches twice as many. The default keeps everything.
    /// </summary>
    public int AgentHistoryLimit { get; init; } = int.MaxValue / 2;
}
