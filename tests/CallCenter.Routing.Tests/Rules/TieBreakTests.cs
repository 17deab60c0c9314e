using static CallCenter.Routing.Tests.TestKit;

namespace CallCenter.Routing.Tests.Rules;

/// <summary>Best-skill choice of agent and the order of the line, with every tie-break.</summary>
public sealed class TieBreakTests
{
    [Fact]
    public void Highest_proficiency_sum_wins_over_longer_idle()
    {
        var engine = new RoutingEngine([Queue("billing", Need("billing", 3), Need("lang-tl", 1))]);
        engine.Ready("a1", 0, ("billing", 5), ("lang-tl", 5));
        engine.Ready("a2", 1, ("billing", 8), ("lang-tl", 5));

        Assert.Equal("a2", engine.Call("c1", "billing", 10).SingleOffer().AgentId);
    }

    [Fact]
    public void Equal_proficiency_goes_to_the_longest_idle()
    {
        var engine = new RoutingEngine([Queue("billing", Need("billing", 3))]);
        engine.Ready("a2", 0, ("billing", 7));
        engine.Ready("a1", 5, ("billing", 7));

        Assert.Equal("a2", engine.Call("c1", "billing", 10).SingleOffer().AgentId);
    }

    [Fact]
    public void Equal_proficiency_and_idle_time_goes_to_the_lowest_agent_id()
    {
        var engine = new RoutingEngine([Queue("billing", Need("billing", 3))]);
        engine.Ready("a2", 0, ("billing", 7));
        engine.Ready("a1", 0, ("billing", 7));
        engine.Ready("a10", 0, ("billing", 7));

        // Ordinal comparison: "a1" < "a10" < "a2".
        Assert.Equal("a1", engine.Call("c1", "billing", 1).SingleOffer().AgentId);
        Assert.Equal("a10", engine.Call("c2", "billing", 1).SingleOffer().AgentId);
    }

    [Fact]
    public void Agent_below_the_minimum_is_never_offered()
    {
        var engine = new RoutingEngine([Queue("billing", Need("billing", 6))]);
        engine.Ready("a1", 0, ("billing", 5));

        engine.Call("c1", "billing", 1).NoOffer();
        Assert.Equal(ContactState.Waiting, engine.GetContact("c1")!.State);
    }

    [Fact]
    public void Freed_agent_takes_higher_priority_before_longer_wait()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1))]);
        engine.Ready("a1", 0, ("s", 5));
        engine.Call("busy", "q", 1).SingleOffer();
        engine.Call("early", "q", 2, priority: 0);
        engine.Call("vip", "q", 3, priority: 5);

        Assert.True(engine.Answered("busy", engine.AgentOf("busy"), At(4)).Applied);
        Assert.Equal("vip", engine.CallEnded("busy", At(5)).SingleOffer().Contact.Id);
    }

    [Fact]
    public void Freed_agent_takes_the_longest_wait_across_the_queues_it_serves()
    {
        var engine = new RoutingEngine([Queue("billing", Need("billing", 1)), Queue("sales", Need("sales", 1))]);
        engine.Ready("a1", 0, ("billing", 5), ("sales", 5));
        engine.Call("busy", "billing", 1).SingleOffer();
        engine.Call("b-late", "billing", 3);
        engine.Call("s-early", "sales", 2);

        Assert.True(engine.Answered("busy", engine.AgentOf("busy"), At(4)).Applied);
        Assert.Equal("s-early", engine.CallEnded("busy", At(5)).SingleOffer().Contact.Id);
    }

    [Fact]
    public void Same_priority_and_arrival_goes_to_the_lowest_contact_id()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1))]);
        engine.Call("c2", "q", 1);
        engine.Call("c1", "q", 1);

        Assert.Equal("c1", engine.Ready("a1", 2, ("s", 5)).SingleOffer().Contact.Id);
    }

    [Fact]
    public void Queue_without_requirements_accepts_any_agent()
    {
        var engine = new RoutingEngine([Queue("general")]);
        engine.Ready("a1", 0);

        Assert.Equal("a1", engine.Call("c1", "general", 1).SingleOffer().AgentId);
    }

    [Fact]
    public void Contact_with_its_own_requirements_waits_for_agents_that_meet_them()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1))]);
        engine.Ready("low", 0, ("s", 2));
        engine.Ready("high", 5, ("s", 9));

        var offer = engine.Enqueue(new WaitingContact("c1", "q", 0, At(10), Requirements: [Need("s", 9)]), At(10)).SingleOffer();

        Assert.Equal("high", offer.AgentId);
    }
}
