using static CallCenter.Routing.Tests.TestKit;

namespace CallCenter.Routing.Tests.Rules;

/// <summary>Callbacks keep their place; maximum wait and nobody-logged-in behave as the queue says.</summary>
public sealed class CallbackAndFallbackTests
{
    [Fact]
    public void Callback_keeps_the_original_arrival_ahead_of_later_callers()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1))]);
        engine.Call("c-later", "q", 100);
        engine.Enqueue(new WaitingContact("cb", "q", 0, At(10), ContactKind.Callback), At(200));

        Assert.Equal("cb", engine.Ready("a1", 201, ("s", 5)).SingleOffer().Contact.Id);
    }

    [Fact]
    public void Max_wait_with_callback_takes_the_call_out_of_the_queue()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1)) with { MaxWait = TimeSpan.FromSeconds(60), WhenMaxWait = QueueFallback.Callback }]);
        var call = new WaitingContact("c1", "q", 0, At(0));
        engine.Enqueue(call, At(0));

        var result = engine.AdvanceTo(At(100));

        Assert.Equal(new ContactLeft(At(60), call, FallbackAction.Callback, LeaveReason.MaxWait), Assert.Single(result.Decisions));
        Assert.Null(engine.GetContact("c1"));
    }

    [Fact]
    public void Max_wait_reached_while_ringing_applies_if_the_offer_is_missed()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1)) with { MaxWait = TimeSpan.FromSeconds(20), WhenMaxWait = QueueFallback.Message }]);
        engine.Ready("a1", 0, ("s", 5));
        engine.Call("c1", "q", 0);
        engine.AdvanceTo(At(15)).SingleOffer();

        // At 20 s the contact is ringing a1 again (offered at 15 s), so it stays; at 30 s that offer times out too.
        Assert.Empty(engine.AdvanceTo(At(29)).Decisions);
        var result = engine.AdvanceTo(At(35));

        Assert.Contains(result.Decisions, d => d is ContactLeft { Reason: LeaveReason.MaxWait, At: var at } && at == At(35));
        Assert.Null(engine.GetContact("c1"));
        Assert.Equal(AgentState.Paused, engine.GetAgent("a1")!.State);
    }

    [Fact]
    public void Callback_contacts_have_no_maximum_wait()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1)) with { MaxWait = TimeSpan.FromSeconds(60), WhenMaxWait = QueueFallback.Callback }]);
        engine.Enqueue(new WaitingContact("cb", "q", 0, At(0), ContactKind.Callback), At(0));

        Assert.Empty(engine.AdvanceTo(At(1000)).Decisions);
        Assert.Equal(ContactState.Waiting, engine.GetContact("cb")!.State);
    }

    [Fact]
    public void Max_wait_overflow_moves_the_call_keeping_its_arrival()
    {
        var engine = new RoutingEngine([
            Queue("tl", Need("lang-tl", 5)) with { MaxWait = TimeSpan.FromSeconds(30), WhenMaxWait = QueueFallback.OverflowTo("general") },
            Queue("general", Need("general", 1)),
        ]);
        engine.Ready("g1", 0, ("general", 3));
        engine.Call("busy", "general", 0).SingleOffer();
        engine.Answered("busy", engine.AgentOf("busy"), At(0));
        engine.Call("tl-caller", "tl", 1);
        engine.Call("general-caller", "general", 10);

        var moved = engine.AdvanceTo(At(31));
        Assert.Contains(new ContactOverflowed(At(31), "tl-caller", "tl", "general"), moved.Decisions);
        Assert.Equal("general", engine.GetContact("tl-caller")!.Contact.QueueId);

        // Arrived at 1 s, so it is ahead of the general caller who arrived at 10 s.
        Assert.Equal("tl-caller", engine.CallEnded("busy", At(33)).SingleOffer().Contact.Id);
    }

    [Fact]
    public void Nobody_logged_in_plays_the_message_when_configured()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1)) with { WhenNobodyLoggedIn = QueueFallback.Message }]);
        engine.AddAgent("offline", Skills(("s", 9)), At(0));

        var result = engine.Call("c1", "q", 1);

        var left = Assert.IsType<ContactLeft>(Assert.Single(result.Decisions));
        Assert.Equal((FallbackAction.Message, LeaveReason.NobodyLoggedIn), (left.Action, left.Reason));
        Assert.Null(engine.GetContact("c1"));
    }

    [Fact]
    public void Paused_agents_count_as_logged_in_so_callers_wait()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1)) with { WhenNobodyLoggedIn = QueueFallback.Message }]);
        engine.Ready("a1", 0, ("s", 9));
        engine.Pause("a1", "break", At(0));

        engine.Call("c1", "q", 1).NoOffer();
        Assert.Equal(ContactState.Waiting, engine.GetContact("c1")!.State);
    }

    [Fact]
    public void Nobody_logged_in_overflows_to_the_configured_queue()
    {
        var engine = new RoutingEngine([
            Queue("night", Need("s", 1)) with { WhenNobodyLoggedIn = QueueFallback.OverflowTo("day") },
            Queue("day", Need("t", 1)),
        ]);
        engine.Ready("t1", 0, ("t", 4));

        var result = engine.Call("c1", "night", 1);

        Assert.Equal(new ContactOverflowed(At(1), "c1", "night", "day"), result.Decisions[0]);
        Assert.Equal("t1", result.SingleOffer().AgentId);
    }

    [Fact]
    public void Overflow_loops_between_empty_queues_end_with_the_call_waiting()
    {
        var engine = new RoutingEngine([
            Queue("a", Need("x", 1)) with { WhenNobodyLoggedIn = QueueFallback.OverflowTo("b") },
            Queue("b", Need("y", 1)) with { WhenNobodyLoggedIn = QueueFallback.OverflowTo("a") },
        ]);

        Assert.True(engine.Call("c1", "a", 1).Applied);
        Assert.Equal(ContactState.Waiting, engine.GetContact("c1")!.State);
    }

    [Fact]
    public void Transfer_goes_back_through_routing_with_the_new_requirements()
    {
        var engine = new RoutingEngine([Queue("sales", Need("sales", 1)), Queue("billing", Need("billing", 1))]);
        engine.Ready("s1", 0, ("sales", 5));
        engine.Ready("b1", 0, ("billing", 2));
        engine.Ready("b2", 0, ("billing", 8));
        engine.Call("c1", "sales", 1);
        engine.Answered("c1", engine.AgentOf("c1"), At(2));

        var result = engine.Transfer("c1", "billing", [Need("billing", 7)], At(30));

        Assert.Equal("b2", result.SingleOffer().AgentId);
        Assert.Equal(AgentState.Available, engine.GetAgent("s1")!.State);
        Assert.Equal(At(30), engine.GetContact("c1")!.Contact.ArrivedAt);
        Assert.False(engine.Transfer("c1", "billing", null, At(31)).Applied);
    }

    [Fact]
    public void Transfer_to_an_unknown_queue_leaves_the_call_connected()
    {
        var engine = new RoutingEngine([Queue("sales", Need("sales", 1))]);
        engine.Ready("s1", 0, ("sales", 5));
        engine.Call("c1", "sales", 1);
        engine.Answered("c1", "s1", At(2));

        Assert.False(engine.Transfer("c1", "nope", null, At(3)).Applied);

        Assert.Equal(ContactState.Connected, engine.GetContact("c1")!.State);
        Assert.Equal(AgentState.OnCall, engine.GetAgent("s1")!.State);
    }

    [Fact]
    public void Enqueue_reports_unknown_queues_duplicates_and_bad_requirements()
    {
        var engine = new RoutingEngine([Queue("q")]);
        engine.Call("c1", "q", 0);

        Assert.False(engine.Call("c1", "q", 1).Applied);
        Assert.Contains("Unknown queue", engine.Call("c2", "nope", 1).Error);
        Assert.False(engine.Enqueue(new WaitingContact("c3", "q", 0, At(1), Requirements: [Need("s", 0)]), At(1)).Applied);
    }
}
