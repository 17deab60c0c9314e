using CallCenter.Calls.Legs;
using CallCenter.Calls.Tests.Calls;
using CallCenter.Routing;

namespace CallCenter.Calls.Tests.Routing;

/// <summary>
/// A call waiting in its queue: announcements of position and wait with comfort noise between, the ringing agent
/// released at once when the caller hangs up, the conversation's end reaching routing (wrap-up), and the callback offer.
/// </summary>
public sealed class RoutingWaitingCallTests
{
    private readonly CallTestbed _bed = new();

    [Fact]
    public void A_call_an_agent_can_take_at_once_hears_no_announcement_only_ringback()
    {
        var call = _bed.InFlow();

        _bed.Press('1');
        _bed.Dialer.Events!(new AgentLegEvent.Ringing(null));

        Assert.Equal(CallState.RingingAgent, call.State);
        Assert.DoesNotContain(_bed.CallerMedia.Actions, a => a.Contains("queue/", StringComparison.Ordinal));
        Assert.Equal("ringback", _bed.CallerMedia.Actions[^1]);
    }

    [Fact]
    public void A_waiting_caller_hears_their_position_on_entry_then_comfort_noise_and_the_announcement_again_at_the_interval()
    {
        _bed.RoutingOptions.DefaultQueue.AnnounceEvery = TimeSpan.FromSeconds(40);
        _bed.Connected();
        var second = new FakeCaller(callId: "call-2");
        var waiting = _bed.Offered(caller: second);
        waiting.OnAck(null);
        var media = _bed.Media.Created.Last(m => m.LegId.EndsWith("/caller", StringComparison.Ordinal));
        media.Raise(new CallCenter.Calls.Media.MediaEvent.Digit('1', "rfc4733"));

        // No handle time yet: the wait is unknown, so nothing is said about it.
        Assert.Equal(CallState.WaitingInQueue, waiting.State);
        Assert.Equal("en/queue/you-are-number+en/digits/1+en/queue/in-line", media.LastPlayed);
        media.FinishPlayback();
        Assert.Equal("comfort-noise", media.Actions[^1]);

        // The first call ends after 39 s: its handle time (39 s + 30 s wrap-up) makes the estimate known: about a minute.
        _bed.Time.Advance(TimeSpan.FromSeconds(39));
        Assert.Equal("comfort-noise", media.Actions[^1]);
        _bed.Dialer.Legs[0].Events(new AgentLegEvent.HungUp());
        _bed.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(
            "en/queue/you-are-number+en/digits/1+en/queue/in-line+en/queue/estimated-wait+en/digits/1+en/time/minute",
            media.LastPlayed);
    }

    [Fact]
    public void A_queue_with_hold_music_loops_it_between_announcements_in_place_of_comfort_noise()
    {
        _bed.RoutingOptions.DefaultQueue.HoldMusic = "music/hold";
        _bed.Connected();
        var waiting = _bed.Offered(caller: new FakeCaller(callId: "call-2"));
        waiting.OnAck(null);
        var media = _bed.Media.Created.Last(m => m.LegId.EndsWith("/caller", StringComparison.Ordinal));
        media.Raise(new CallCenter.Calls.Media.MediaEvent.Digit('1', "rfc4733"));

        Assert.Equal(CallState.WaitingInQueue, waiting.State);
        Assert.Equal("en/queue/you-are-number+en/digits/1+en/queue/in-line", media.LastPlayed);
        media.FinishPlayback();

        Assert.Equal("loop en/music/hold", media.Actions[^1]);
        Assert.DoesNotContain("comfort-noise", media.Actions);
    }

    [Fact]
    public void The_agent_is_offered_the_waiting_call_when_its_wrap_up_ends_and_the_caller_hears_ringback()
    {
        var first = _bed.Connected();
        var waiting = _bed.Offered(caller: new FakeCaller(callId: "call-2"));
        waiting.OnAck(null);
        _bed.Media.Created.Last(m => m.LegId.EndsWith("/caller", StringComparison.Ordinal)).Raise(new CallCenter.Calls.Media.MediaEvent.Digit('1', "rfc4733"));

        first.OnCallerHangup();
        Assert.Equal(AgentState.WrapUp, _bed.Routing.AgentStatus("1001").State);
        Assert.Equal(CallState.WaitingInQueue, waiting.State);
        _bed.Time.Advance(_bed.RoutingOptions.DefaultQueue.WrapUp);

        Assert.Equal(CallState.RingingAgent, waiting.State);
        Assert.Equal(2, _bed.Dialer.Legs.Count);
    }

    [Fact]
    public void A_caller_who_hangs_up_while_waiting_leaves_the_line_and_counts_as_abandoned()
    {
        _bed.Connected();
        var waiting = _bed.Offered(caller: new FakeCaller(callId: "call-2"));
        waiting.OnAck(null);
        _bed.Media.Created.Last(m => m.LegId.EndsWith("/caller", StringComparison.Ordinal)).Raise(new CallCenter.Calls.Media.MediaEvent.Digit('1', "rfc4733"));

        waiting.OnCallerHangup();

        Assert.Equal(("caller-hangup", CallState.Ended), (waiting.Outcome, waiting.State));
        Assert.Equal(0, _bed.Routing.QueueStatus("default").Waiting);
        Assert.Equal(1, _bed.Routing.QueueStatus("default").Totals.AbandonedBeforeThreshold);
    }

    [Fact]
    public void A_caller_who_hangs_up_while_the_agent_rings_frees_the_agent_for_the_next_caller_at_once()
    {
        _bed.Agents.Clear();
        _bed.Agents.Add(RoutingTestKit.Agent("1001", ("lang-en", 5)));
        var ringing = _bed.InFlow();
        _bed.Press('1');
        var waiting = _bed.Offered(caller: new FakeCaller(callId: "call-2"));
        waiting.OnAck(null);
        _bed.Media.Created.Last(m => m.LegId.EndsWith("/caller", StringComparison.Ordinal)).Raise(new CallCenter.Calls.Media.MediaEvent.Digit('1', "rfc4733"));
        Assert.Equal(CallState.WaitingInQueue, waiting.State);

        ringing.OnCallerHangup();

        Assert.Equal("cancel", _bed.Dialer.Legs[0].Actions[0]);
        Assert.Equal(CallState.RingingAgent, waiting.State);
        Assert.Equal(2, _bed.Dialer.Legs.Count);
    }

    [Fact]
    public void The_end_of_the_conversation_puts_the_agent_in_wrap_up_and_is_counted_as_handled()
    {
        var call = _bed.Connected();
        _bed.Time.Advance(TimeSpan.FromSeconds(42));

        _bed.Dialer.Events!(new AgentLegEvent.HungUp());

        Assert.Equal(CallState.Ended, call.State);
        Assert.Equal(AgentState.WrapUp, _bed.Routing.AgentStatus("1001").State);
        Assert.Contains("handled default 42s", _bed.Routing.Observer.Events);
        _bed.Time.Advance(_bed.RoutingOptions.DefaultQueue.WrapUp);
        Assert.Equal(AgentState.Available, _bed.Routing.AgentStatus("1001").State);
    }

    [Fact]
    public void Two_missed_offers_pause_the_agent_and_the_caller_keeps_waiting()
    {
        var call = _bed.InFlow();
        _bed.Press('1');

        _bed.Time.Advance(_bed.Options.RingTimeout);
        _bed.Time.Advance(_bed.Options.RingTimeout);

        var agent = _bed.Routing.AgentStatus("1001");
        Assert.Equal((AgentState.Paused, RoutingEngine.MissedCallsReason), (agent.State, agent.PauseReason));
        Assert.Equal(CallState.WaitingInQueue, call.State);
        Assert.Equal(2, _bed.Dialer.Legs.Count);
        Assert.All(_bed.Dialer.Legs, leg => Assert.Equal("cancel", leg.Actions[0]));
    }

    [Fact]
    public void Pressing_1_while_waiting_runs_the_callback_offer_flow_when_it_is_loaded_and_the_caller_keeps_their_place()
    {
        _bed.Flows[InboundCall.CallbackOfferFlow] = TestFlows.Load("""
            flow: callback-offer
            start: offer
            nodes:
              offer:
                type: menu
                prompts: [main/offer-callback]
                keys: { "2": back }
                timeout: 5s
                retries: 0
                fallback: back
              back:
                type: queue
                skills: [lang-en]
            """);
        _bed.Connected();
        var waiting = _bed.Offered(caller: new FakeCaller(callId: "call-2"));
        waiting.OnAck(null);
        var media = _bed.Media.Created.Last(m => m.LegId.EndsWith("/caller", StringComparison.Ordinal));
        media.Raise(new CallCenter.Calls.Media.MediaEvent.Digit('1', "rfc4733"));
        Assert.EndsWith("en/queue/press-1-callback", media.LastPlayed, StringComparison.Ordinal);

        media.Raise(new CallCenter.Calls.Media.MediaEvent.Digit('1', "rfc4733"));

        Assert.Equal(CallState.InFlow, waiting.State);
        Assert.Equal("en/main/offer-callback", media.LastPlayed);
        Assert.Equal(1, _bed.Routing.QueueStatus("default").Waiting);

        // Pressing 2 goes back to the line with the same contact: still one waiting, no new arrival.
        media.Raise(new CallCenter.Calls.Media.MediaEvent.Digit('2', "rfc4733"));
        Assert.Equal(CallState.WaitingInQueue, waiting.State);
        Assert.Equal(1, _bed.Routing.QueueStatus("default").Waiting);
        Assert.Equal(2, _bed.Routing.QueueStatus("default").Totals.Offered);
    }

    [Fact]
    public void Without_the_callback_offer_flow_pressing_1_while_waiting_changes_nothing()
    {
        _bed.Connected();
        var waiting = _bed.Offered(caller: new FakeCaller(callId: "call-2"));
        waiting.OnAck(null);
        var media = _bed.Media.Created.Last(m => m.LegId.EndsWith("/caller", StringComparison.Ordinal));
        media.Raise(new CallCenter.Calls.Media.MediaEvent.Digit('1', "rfc4733"));

        media.Raise(new CallCenter.Calls.Media.MediaEvent.Digit('1', "rfc4733"));

        Assert.Equal(CallState.WaitingInQueue, waiting.State);
        Assert.DoesNotContain("press-1-callback", media.LastPlayed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_caller_whose_agent_never_answered_and_who_reaches_the_maximum_wait_hears_the_no_agent_path_and_the_outcome_says_why()
    {
        _bed.RoutingOptions.DefaultQueue.MaxWait = TimeSpan.FromSeconds(30);
        _bed.RoutingOptions.DefaultQueue.MaxMissedCalls = 1;
        var call = _bed.InFlow();
        _bed.Press('1');

        _bed.Time.Advance(_bed.Options.RingTimeout);
        Assert.Equal(CallState.WaitingInQueue, call.State);
        _bed.Time.Advance(TimeSpan.FromSeconds(30) - _bed.Options.RingTimeout);

        Assert.Equal("en/all-agents-busy+en/goodbye", _bed.CallerMedia.LastPlayed);
        _bed.CallerMedia.FinishPlayback();
        Assert.Equal(("agent-no-answer", CallState.Ended), (call.Outcome, call.State));
        Assert.Single(_bed.Dialer.Legs);
    }

    [Fact]
    public void An_estimate_over_the_queues_callback_offer_after_runs_the_callback_offer_flow_instead_of_the_announcement()
    {
        _bed.Flows[InboundCall.CallbackOfferFlow] = TestFlows.Load("""
            flow: callback-offer
            start: offer
            nodes:
              offer:
                type: hangup
                prompts: [main/offer-callback]
            """);
        _bed.Queues.Add(RoutingTestKit.Queue("english", new Dictionary<string, int> { ["lang-en"] = 1 }, q => q with
        {
            CallbackOfferAfter = TimeSpan.FromSeconds(30),
            AnnounceEvery = TimeSpan.FromSeconds(10),
            WrapUp = TimeSpan.Zero,
        }));

        // A first call of 60 s gives the queue a handle time; a second call then takes the agent.
        var first = _bed.Connected();
        _bed.Time.Advance(TimeSpan.FromSeconds(60));
        first.OnCallerHangup();
        QueueCall("call-2");
        _bed.Dialer.Events!(new AgentLegEvent.Answered("v=0 agent-answer"));

        var third = QueueCall("call-3", out var media);

        // One 60 s handle time, one staffed agent, first in line: 60 s is over 30 s.
        Assert.Equal("english", third.QueueId);
        Assert.Equal(CallState.InFlow, third.State);
        Assert.Equal("en/main/offer-callback", media.LastPlayed);
        Assert.DoesNotContain(media.Actions, a => a.Contains("queue/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_configured_queue_announces_on_its_own_interval()
    {
        _bed.Queues.Add(RoutingTestKit.Queue("english", new Dictionary<string, int> { ["lang-en"] = 1 }, q => q with { AnnounceEvery = TimeSpan.FromSeconds(15) }));
        _bed.Connected();
        var waiting = _bed.Offered(caller: new FakeCaller(callId: "call-2"));
        waiting.OnAck(null);
        var media = _bed.Media.Created.Last(m => m.LegId.EndsWith("/caller", StringComparison.Ordinal));
        media.Raise(new CallCenter.Calls.Media.MediaEvent.Digit('1', "rfc4733"));
        media.FinishPlayback();

        _bed.Time.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal("english", waiting.QueueId);
        Assert.Equal(2, media.Actions.Count(a => a == "play:en/queue/you-are-number+en/digits/1+en/queue/in-line"));
    }

    [Fact]
    public void An_agent_transfer_goes_back_through_routing_to_an_agent_with_the_new_skills_without_asking_the_caller_again()
    {
        _bed.Agents.Add(RoutingTestKit.Agent("1002", ("lang-en", 3), ("refunds", 7)));
        var call = _bed.Connected();
        var steps = call.FlowSteps.Count;

        _bed.Routing.Router.Transfer(call.ContactId!, "default", [new SkillRequirement("refunds", 5)]);

        // The first agent's leg is hung up and goes to wrap-up; the second agent, who has the skill, rings.
        Assert.Equal("bye", _bed.Dialer.Legs[0].Actions[^1]);
        Assert.Equal(AgentState.WrapUp, _bed.Routing.AgentStatus("1001").State);
        Assert.Equal(CallState.RingingAgent, call.State);
        Assert.Equal("1002", _bed.Dialer.Dialled!.Extension);
        Assert.Equal(steps, call.FlowSteps.Count);

        _bed.Dialer.Events!(new AgentLegEvent.Answered("v=0 second-agent"));
        Assert.Equal(CallState.Connected, call.State);
        Assert.Same(_bed.Media.Agent, _bed.CallerMedia.BridgedTo);
        Assert.Equal(AgentState.OnCall, _bed.Routing.AgentStatus("1002").State);
    }

    /// <summary>Another caller on the agent line who presses 1.</summary>
    private InboundCall QueueCall(string callId) => QueueCall(callId, out _);

    private InboundCall QueueCall(string callId, out FakeMedia media)
    {
        var call = _bed.Offered(caller: new FakeCaller(callId: callId));
        call.OnAck(null);
        media = _bed.Media.Created.Last(m => m.LegId.EndsWith("/caller", StringComparison.Ordinal));
        media.Raise(new CallCenter.Calls.Media.MediaEvent.Digit('1', "rfc4733"));
        return call;
    }
}
