using static CallCenter.Routing.Tests.TestKit;

namespace CallCenter.Routing.Tests.Rules;

/// <summary>Ring-no-answer: withdraw at the ring timeout, offer the next agent, pause after consecutive misses.</summary>
public sealed class RingNoAnswerTests
{
    [Fact]
    public void Ring_timeout_defaults_to_15_seconds_and_offers_the_next_agent()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1))]);
        engine.Ready("a1", 0, ("s", 9));
        engine.Ready("a2", 0, ("s", 5));
        var first = engine.Call("c1", "q", 10).SingleOffer();
        Assert.Equal(("a1", At(25)), (first.AgentId, first.RingDeadline));

        Assert.Empty(engine.AdvanceTo(At(24.9)).Decisions);
        var result = engine.AdvanceTo(At(25));

        var withdrawn = Assert.IsType<OfferWithdrawn>(result.Decisions[0]);
        Assert.Equal(("c1", "a1", WithdrawReason.RingTimeout), (withdrawn.ContactId, withdrawn.AgentId, withdrawn.Reason));
        Assert.Equal("a2", result.SingleOffer().AgentId);
        Assert.Equal(1, engine.GetAgent("a1")!.ConsecutiveMisses);
        Assert.Equal(AgentState.Available, engine.GetAgent("a1")!.State);
    }

    [Fact]
    public void Missed_caller_keeps_their_place_ahead_of_later_callers()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1))]);
        engine.Ready("a1", 0, ("s", 9));
        engine.Call("c1", "q", 1).SingleOffer();
        engine.Call("c2", "q", 2);

        // a1 is the only agent, so after missing c1 it is offered c1 again, not c2.
        Assert.Equal("c1", engine.NoAnswer("c1", engine.AgentOf("c1"), At(5)).SingleOffer().Contact.Id);
    }

    [Fact]
    public void Agent_is_paused_with_missed_calls_after_the_configured_consecutive_misses()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1)) with { MaxConsecutiveMisses = 3, RingTimeout = TimeSpan.FromSeconds(10) }]);
        engine.Ready("a1", 0, ("s", 9));
        engine.Call("c1", "q", 0);

        engine.AdvanceTo(At(20));
        Assert.Equal(AgentState.Reserved, engine.GetAgent("a1")!.State);
        var result = engine.AdvanceTo(At(30));

        Assert.Contains(new AgentPaused(At(30), "a1", RoutingEngine.MissedCallsReason), result.Decisions);
        var agent = engine.GetAgent("a1")!;
        Assert.Equal((AgentState.Paused, "missed calls", 3), (agent.State, agent.PauseReason, agent.ConsecutiveMisses));
        Assert.Equal(ContactState.Waiting, engine.GetContact("c1")!.State);
    }

    [Fact]
    public void An_answer_resets_the_miss_count()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1))]);
        engine.Ready("a1", 0, ("s", 9));
        engine.Call("c1", "q", 0);
        engine.NoAnswer("c1", engine.AgentOf("c1"), At(1)).SingleOffer();
        engine.Serve("c1", 2);
        engine.Call("c2", "q", 3).SingleOffer();

        engine.NoAnswer("c2", engine.AgentOf("c2"), At(4));

        Assert.Equal(AgentState.Reserved, engine.GetAgent("a1")!.State);
        Assert.Equal(1, engine.GetAgent("a1")!.ConsecutiveMisses);
    }

    [Fact]
    public void Resuming_a_paused_agent_clears_its_misses_and_offers_the_waiting_caller()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1)) with { MaxConsecutiveMisses = 1 }]);
        engine.Ready("a1", 0, ("s", 9));
        engine.Call("c1", "q", 0);
        engine.NoAnswer("c1", engine.AgentOf("c1"), At(1)).NoOffer();

        var result = engine.Resume("a1", At(60));

        Assert.Equal("c1", result.SingleOffer().Contact.Id);
        Assert.Equal(0, engine.GetAgent("a1")!.ConsecutiveMisses);
    }

    [Fact]
    public void A_stale_ring_timeout_after_an_answer_does_nothing()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1))]);
        engine.Ready("a1", 0, ("s", 9));
        engine.Call("c1", "q", 0);
        engine.Answered("c1", engine.AgentOf("c1"), At(3));

        Assert.Empty(engine.AdvanceTo(At(100)).Decisions);
        Assert.Equal(AgentState.OnCall, engine.GetAgent("a1")!.State);
    }

    [Fact]
    public void Answer_from_an_agent_the_contact_is_not_ringing_is_refused()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1))]);
        engine.Ready("a1", 0, ("s", 9));
        engine.Ready("a2", 0, ("s", 5));
        engine.Call("c1", "q", 1);
        engine.NoAnswer("c1", "a1", At(2)).SingleOffer();

        // a1's late answer must not connect the call now ringing a2.
        var late = engine.Answered("c1", "a1", At(3));

        Assert.False(late.Applied);
        Assert.Equal(("a2", ContactState.Ringing), (engine.AgentOf("c1"), engine.GetContact("c1")!.State));
    }

    [Fact]
    public void Events_for_an_offer_that_is_no_longer_ringing_are_reported_not_applied()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1))]);
        engine.Ready("a1", 0, ("s", 9));
        engine.Call("c1", "q", 0);
        engine.AdvanceTo(At(15));

        // The phone's own timeout arrives after the engine already moved on; so does an answer for "nobody".
        Assert.False(engine.Answered("nobody", "a1", At(16)).Applied);
        Assert.Equal(ContactState.Ringing, engine.GetContact("c1")!.State);
        Assert.False(engine.CallEnded("c1", At(16)).Applied);
    }
}
