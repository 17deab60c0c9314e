namespace CallCenter.Routing;

/// <summary>How a queue chooses among the eligible available agents. Every order ends with the agent id (ordinal).</summary>
public enum RoutingStrategy
{
    /// <summary>Highest proficiency sum over the skills the contact's rule names, then longest idle, then id.</summary>
    BestSkill,

    /// <summary>Longest idle (earliest "idle since"), then id.</summary>
    LongestIdle,

    /// <summary>The agent offered a call longest ago (never offered comes first), then id.</summary>
    RoundRobin,

    /// <summary>Fewest calls answered, then longest idle, then id.</summary>
    FewestCalls,
}
