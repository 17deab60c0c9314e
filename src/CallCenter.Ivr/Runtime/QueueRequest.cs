namespace CallCenter.Ivr.Runtime;

/// <summary>What a <c>queue</c> node asks routing for: an agent with all these skills, at this priority.</summary>
/// <param name="Skills">Required skills with <c>${name}</c> filled in, plus those in the <c>skills</c> variable; no duplicates.</param>
/// <param name="Priority">1 (lowest) to 10 (highest).</param>
public sealed record QueueRequest(IReadOnlyList<string> Skills, int Priority)
{
    /// <summary>The priority when neither the node nor the <c>priority</c> variable gives a usable one.</summary>
    public const int DefaultPriority = 5;

    /// <summary>The lowest priority.</summary>
    public const int MinPriority = 1;

    /// <summary>The highest priority.</summary>
    public const int MaxPriority = 10;
}
