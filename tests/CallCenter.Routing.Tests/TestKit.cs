namespace CallCenter.Routing.Tests;

/// <summary>Builders shared by the rule tests: a fixed start time, queues, ready agents, and decision lookups.</summary>
internal static class TestKit
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    public static SkillRequirement Need(string skill, int min) => new(skill, min);

    public static QueueDefinition Queue(string id, params SkillRequirement[] requirements) => new(id, requirements);

    public static Dictionary<string, int> Skills(params (string Skill, int Level)[] skills) =>
        skills.ToDictionary(s => s.Skill, s => s.Level, StringComparer.Ordinal);

    /// <summary>Adds, registers and logs in an agent at <paramref name="seconds"/>; returns the decisions of the log-in.</summary>
    public static RoutingResult Ready(this RoutingEngine engine, string id, double seconds, params (string Skill, int Level)[] skills)
    {
        Assert.True(engine.AddAgent(id, Skills(skills), At(seconds)).Applied);
        Assert.True(engine.SetRegistered(id, true, At(seconds)).Applied);
        var result = engine.LogIn(id, At(seconds));
        Assert.True(result.Applied, result.Error);
        return result;
    }

    public static RoutingResult Call(this RoutingEngine engine, string id, string queue, double seconds, int priority = 0) =>
        engine.Enqueue(new WaitingContact(id, queue, priority, At(seconds)), At(seconds));

    /// <summary>Offers, answers and ends a call at once, so the agent is available again (zero wrap-up).</summary>
    public static void Serve(this RoutingEngine engine, string contactId, double seconds)
    {
        Assert.True(engine.Answered(contactId, engine.AgentOf(contactId), At(seconds)).Applied);
        Assert.True(engine.CallEnded(contactId, At(seconds)).Applied);
    }

    public static Offer SingleOffer(this RoutingResult result) => Assert.Single(result.Decisions.OfType<Offer>());

    public static IEnumerable<Offer> Offers(this RoutingResult result) => result.Decisions.OfType<Offer>();

    public static void NoOffer(this RoutingResult result) => Assert.Empty(result.Decisions.OfType<Offer>());

    public static string AgentOf(this RoutingEngine engine, string contactId) => engine.GetContact(contactId)!.AgentId!;
}
