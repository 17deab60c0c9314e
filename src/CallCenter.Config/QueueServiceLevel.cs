namespace CallCenter.Config;

/// <summary>The service-level goal reported for a queue: <see cref="AnsweredPercent"/>% of calls answered within <see cref="Within"/>.</summary>
/// <param name="AnsweredPercent">1 to 100.</param>
/// <param name="Within">The answer time the percentage refers to.</param>
public sealed record QueueServiceLevel(int AnsweredPercent, TimeSpan Within)
{
    /// <summary>The common 80/20 goal, used when a queue sets none.</summary>
    public static QueueServiceLevel Default { get; } = new(80, TimeSpan.FromSeconds(20));
}
