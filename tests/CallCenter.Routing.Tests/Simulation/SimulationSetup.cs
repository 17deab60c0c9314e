namespace CallCenter.Routing.Tests.Simulation;

/// <summary>The queues and the agent population of the routing simulation (see bench/README.md, "Routing simulation").</summary>
internal static class SimulationSetup
{
    public static IReadOnlyList<QueueDefinition> Queues { get; } =
    [
        new("billing", [new("billing", 6)])
        {
            Expansion = [ExpansionStep.LowerMinimum(TimeSpan.FromSeconds(30), 3), ExpansionStep.Accept(TimeSpan.FromSeconds(90), new SkillRequirement("general", 1))],
            WrapUp = TimeSpan.FromSeconds(10),
        },
        new("sales-tl", [new("sales", 5), new("lang-tl", 3)])
        {
            Strategy = RoutingStrategy.LongestIdle,
            Priority = 1,
            Expansion = [ExpansionStep.LowerMinimum(TimeSpan.FromSeconds(45), 2)],
            MaxWait = TimeSpan.FromSeconds(90),
            WhenMaxWait = QueueFallback.Callback,
            WrapUp = TimeSpan.FromSeconds(5),
        },
        new("tech", [new("tech", 7)])
        {
            Strategy = RoutingStrategy.FewestCalls,
            Expansion = [ExpansionStep.LowerMinimum(TimeSpan.FromSeconds(20), 4), ExpansionStep.Accept(TimeSpan.FromSeconds(60), new SkillRequirement("general", 5))],
            MaxWait = TimeSpan.FromSeconds(45),
            WhenMaxWait = QueueFallback.OverflowTo("general"),
            RejectDelay = TimeSpan.FromSeconds(10),
            WrapUp = TimeSpan.FromSeconds(15),
        },
        new("general", [new("general", 1)])
        {
            Strategy = RoutingStrategy.RoundRobin,
            MaxConsecutiveMisses = 3,
        },
    ];

    /// <summary>One agent's skills: everyone has "general", the rest is mixed.</summary>
    public static Dictionary<string, int> AgentSkills(Random random)
    {
        var skills = new Dictionary<string, int>(StringComparer.Ordinal) { ["general"] = random.Next(1, 11) };
        Maybe(skills, random, "billing", 0.5);
        Maybe(skills, random, "sales", 0.4);
        Maybe(skills, random, "lang-tl", 0.35);
        Maybe(skills, random, "tech", 0.3);
        return skills;
    }

    private static void Maybe(Dictionary<string, int> skills, Random random, string skill, double share)
    {
        if (random.NextDouble() < share)
        {
            skills[skill] = random.Next(1, 11);
        }
    }
}
