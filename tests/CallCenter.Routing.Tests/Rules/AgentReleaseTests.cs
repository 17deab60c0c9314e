using static CallCenter.Routing.Tests.TestKit;

namespace CallCenter.Routing.Tests.Rules;

/// <summary>Busy/decline, caller hang-up while ringing, wrap-up: agents are always released, and only when due.</summary>
public sealed class AgentReleaseTests
{
    [Fact]
    public void Rejecting_agent_gets_no_offer_for_the_reject_delay()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1)) with { RejectDelay = TimeSpan.FromSeconds(8) }]);
        engine.Ready("a1", 0, ("s", 9));
        engine.Call("c1", "q", 1);

        engine.Rejected("c1", engine.AgentOf("c1"), At(2)).NoOffer();
        var agent = engine.GetAgent("a1")!;
        Assert.Equal((AgentState.Paused, RoutingEngine.RejectDelayReason), (agent.State, agent.PauseReason));
        Assert.Empty(engine.AdvanceTo(At(9.9)).Decisions);

        var offer = engine.AdvanceTo(At(10)).SingleOffer();
        Assert.Equal(("c1", "a1", At(10)), (offer.Contact.Id, offer.AgentId, offer.At));
    }

    [Fact]
    public void Rejected_caller_goes_to_the_next_agent_at_once()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1))]);
        engine.Ready("a1", 0, ("s", 9));
        engine.Ready("a2", 0, ("s", 2));
        engine.Call("c1", "q", 1);

        Assert.Equal("a2", engine.Rejected("c1", engine.AgentOf("c1"), At(2)).SingleOffer().AgentId);
    }

    [Fact]
    public void Zero_reject_delay_makes_the_agent_available_again_at_once()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1)) with { RejectDelay = TimeSpan.Zero }]);
        engine.Ready("a1", 0, ("s", 9));
        engine.Call("c1", "q", 1);

        Assert.Equal("a1", engine.Rejected("c1", engine.AgentOf("c1"), At(2)).SingleOffer().AgentId);
    }

    [Fact]
    public void Caller_hanging_up_while_the_agent_rings_releases_the_agent_immediately()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1))]);
        engine.Ready("a1", 0, ("s", 9));
        engine.Call("c1", "q", 1);
        engine.Call("c2", "q", 2);

        var result = engine.CallerAbandoned("c1", At(3));

        Assert.Equal(new OfferWithdrawn(At(3), "c1", "a1", WithdrawReason.CallerAbandoned), result.Decisions[0]);
        Assert.Equal(("c2", "a1"), (result.SingleOffer().Contact.Id, result.SingleOffer().AgentId));
        Assert.Null(engine.GetContact("c1"));
        Assert.DoesNotContain(engine.AdvanceTo(At(100)).Decisions.OfType<OfferWithdrawn>(), w => w.ContactId == "c1");
    }

    [Fact]
    public void Caller_hanging_up_while_waiting_leaves_the_line()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1))]);
        engine.Call("c1", "q", 1);
        engine.Call("c2", "q", 2);

        Assert.True(engine.CallerAbandoned("c1", At(3)).Applied);

        Assert.Equal("c2", engine.Ready("a1", 4, ("s", 9)).SingleOffer().Contact.Id);
        Assert.False(engine.CallerAbandoned("c1", At(5)).Applied);
    }

    [Fact]
    public void Wrap_up_keeps_the_agent_from_offers_for_the_configured_time()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1)) with { WrapUp = TimeSpan.FromSeconds(30) }]);
        engine.Ready("a1", 0, ("s", 9));
        engine.Call("c1", "q", 1);
        engine.Answered("c1", engine.AgentOf("c1"), At(2));
        engine.Call("c2", "q", 3);

        engine.CallEnded("c1", At(62)).NoOffer();
        Assert.Equal(AgentState.WrapUp, engine.GetAgent("a1")!.State);
        Assert.Empty(engine.AdvanceTo(At(91)).Offers());

        var offer = engine.AdvanceTo(At(92)).SingleOffer();
        Assert.Equal(("c2", At(92)), (offer.Contact.Id, offer.At));
        Assert.Equal(1, engine.GetAgent("a1")!.CallsHandled);
    }

    [Fact]
    public void Agent_can_end_wrap_up_early()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1)) with { WrapUp = TimeSpan.FromSeconds(30) }]);
        engine.Ready("a1", 0, ("s", 9));
        engine.Call("c1", "q", 1);
        engine.Serve("c1", 2);
        engine.Call("c2", "q", 3);

        Assert.Equal("c2", engine.Resume("a1", At(10)).SingleOffer().Contact.Id);

        // The wrap-up timer set at 2 s is stale now and must not touch the agent.
        engine.Answered("c2", engine.AgentOf("c2"), At(11));
        engine.AdvanceTo(At(40));
        Assert.Equal(AgentState.OnCall, engine.GetAgent("a1")!.State);
    }

    [Fact]
    public void Logging_out_during_wrap_up_cancels_the_return_to_available()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1)) with { WrapUp = TimeSpan.FromSeconds(30) }]);
        engine.Ready("a1", 0, ("s", 9));
        engine.Call("c1", "q", 1);
        engine.Serve("c1", 2);

        Assert.True(engine.LogOut("a1", At(5)).Applied);
        engine.Call("c2", "q", 6);

        engine.AdvanceTo(At(100)).NoOffer();
        Assert.Equal(AgentState.LoggedOut, engine.GetAgent("a1")!.State);
    }

    [Fact]
    public void Agent_cannot_log_out_or_pause_while_ringing_or_on_a_call()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1))]);
        engine.Ready("a1", 0, ("s", 9));
        engine.Call("c1", "q", 1);

        Assert.False(engine.LogOut("a1", At(2)).Applied);
        engine.Answered("c1", engine.AgentOf("c1"), At(2));
        Assert.False(engine.Pause("a1", "lunch", At(3)).Applied);
        Assert.Equal(AgentState.OnCall, engine.GetAgent("a1")!.State);
    }

    [Fact]
    public void Paused_and_logged_out_agents_are_not_offered()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1))]);
        engine.Ready("a1", 0, ("s", 9));
        engine.Ready("a2", 0, ("s", 9));
        engine.Pause("a1", "lunch", At(1));
        engine.LogOut("a2", At(1));

        engine.Call("c1", "q", 2).NoOffer();
        Assert.Equal("a1", engine.Resume("a1", At(3)).SingleOffer().AgentId);
    }
}
