namespace CallCenter.Config;

/// <summary>How a queue picks among the free agents who have its skills.</summary>
public enum QueueStrategy
{
    /// <summary>The agent with the highest proficiency in the queue's skills (<c>best-skill</c>).</summary>
    BestSkill,

    /// <summary>The agent who has been free the longest (<c>longest-idle</c>).</summary>
    LongestIdle,

    /// <summary>Agents in turn (<c>round-robin</c>).</summary>
    RoundRobin,

    /// <summary>The agent who has taken the fewest calls today (<c>fewest-calls</c>).</summary>
    FewestCalls,
}
