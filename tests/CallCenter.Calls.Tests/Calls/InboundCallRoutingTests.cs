using System.Net;
using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Calls.Tests.Routing;
using CallCenter.Routing;
using CallCenter.Sip.Transport;

namespace CallCenter.Calls.Tests.Calls;

/// <summary>
/// Where the flow sends the call: a queue node hands it to routing, which offers it to a registered agent with the
/// skills (the call rings that agent); with nobody logged in the flow continues at its no-agent path; a refusing agent
/// or one who never answers puts the call back in line for the next offer; a transfer dials its URI and bridges it
/// like an agent.
/// </summary>
public class InboundCallRoutingTests
{
    private readonly CallTestbed _bed = new();

    [Fact]
    public void A_queue_waits_in_the_default_queue_for_an_agent_with_every_skill_it_names_with_the_flows_variables_filled_in()
    {
        var call = _bed.InFlow(TestFlows.Billing);

        _bed.Press("4242#");

        Assert.Equal(("default", CallState.RingingAgent), (call.QueueId, call.State));
        Assert.Equal("1001", _bed.Dialer.Dialled!.Extension);
        Assert.Equal(AgentState.Reserved, _bed.Routing.AgentStatus("1001").State);
    }

    [Fact]
    public void An_agent_without_one_of_the_skills_is_never_rung()
    {
        _bed.Agents.Add(RoutingTestKit.Agent("1002", ("billing", 9), ("lang-en", 9)));
        _bed.Routing.Unregister("1001");
        var call = _bed.InFlow(TestFlows.Billing);

        _bed.Press("4242#");

        // 1002 speaks no Tagalog: nobody who could take the call is logged in, so the flow's no-agent path runs.
        Assert.Null(_bed.Dialer.Dialled);
        Assert.Equal(CallState.InFlow, call.State);
    }

    [Fact]
    public void With_nobody_logged_in_the_flow_continues_at_its_no_agent_node()
    {
        _bed.Routing.Unregister("1001");
        var call = _bed.InFlow(TestFlows.Billing);

        _bed.Press("4242#");

        Assert.Equal(CallState.InFlow, call.State);
        Assert.Equal("en/all-agents-busy+en/main/offer-callback", _bed.CallerMedia.LastPlayed);
        Assert.Null(_bed.Dialer.Dialled);
        Assert.Contains(call.FlowSteps, s => s.Kind == Ivr.Runtime.FlowStepKind.NoAgent);
    }

    [Fact]
    public void A_flow_without_a_no_agent_node_says_all_agents_are_busy_and_goodbye_and_the_outcome_says_why()
    {
        _bed.Routing.Unregister("1001");
        var call = _bed.InFlow();

        _bed.Press('1');

        Assert.Equal("en/all-agents-busy+en/goodbye", _bed.CallerMedia.LastPlayed);
        _bed.CallerMedia.FinishPlayback();
        Assert.Equal(("no-agent", CallState.Ended), (call.Outcome, call.State));
        Assert.Equal("bye", _bed.Caller.Actions[^1]);
    }

    [Fact]
    public void An_agent_refusing_the_call_puts_it_back_in_line_frees_the_leg_and_is_offered_it_again_after_the_reject_delay()
    {
        var call = _bed.InFlow(TestFlows.Billing);
        _bed.Press("4242#");
        _bed.Dialer.Events!(new AgentLegEvent.Ringing(null));

        _bed.Dialer.Events!(new AgentLegEvent.Failed(486));

        Assert.Equal(CallState.WaitingInQueue, call.State);
        Assert.Equal("comfort-noise", _bed.CallerMedia.Actions[^1]);
        Assert.True(_bed.Media.Agent.Disposed);
        Assert.Equal(["invite:v=0 our-offer"], _bed.Dialer.Actions);
        var agent = _bed.Routing.AgentStatus("1001");
        Assert.Equal((AgentState.Paused, "reject delay"), (agent.State, agent.PauseReason));

        _bed.Time.Advance(_bed.RoutingOptions.DefaultQueue.RejectDelay - TimeSpan.FromMilliseconds(1));
        Assert.Single(_bed.Dialer.Legs);
        _bed.Time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(CallState.RingingAgent, call.State);
        Assert.Equal(2, _bed.Dialer.Legs.Count);
    }

    [Fact]
    public void A_refusal_then_the_maximum_wait_ends_the_call_with_its_status_when_the_flow_then_says_goodbye()
    {
        _bed.RoutingOptions.DefaultQueue.MaxWait = TimeSpan.FromSeconds(5);
        var call = _bed.InFlow();
        _bed.Press('1');

        _bed.Dialer.Events!(new AgentLegEvent.Failed(486));
        _bed.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal("en/all-agents-busy+en/goodbye", _bed.CallerMedia.LastPlayed);
        _bed.CallerMedia.FinishPlayback();
        Assert.Equal(("agent-failed-486", CallState.Ended), (call.Outcome, call.State));
    }

    [Fact]
    public void An_agent_who_does_not_answer_in_time_is_cancelled_and_the_call_waits_again()
    {
        var call = _bed.InFlow(TestFlows.Billing);
        _bed.Press("4242#");
        _bed.Dialer.Events!(new AgentLegEvent.Ringing(null));

        _bed.Time.Advance(_bed.Options.RingTimeout - TimeSpan.FromMilliseconds(1));
        Assert.Equal(CallState.RingingAgent, call.State);
        _bed.Time.Advance(TimeSpan.FromMilliseconds(1));

        // Routing withdrew the offer: the leg is cancelled, and the only agent (one miss so far) is offered the call again.
        Assert.Equal(["invite:v=0 our-offer", "cancel", "bye", "invite:v=0 our-offer"], _bed.Dialer.Actions);
        Assert.Equal(CallState.RingingAgent, call.State);
        Assert.Contains("rona default 1001", _bed.Routing.Observer.Events);
    }

    [Fact]
    public void A_second_leg_after_a_missed_offer_connects_and_late_events_of_the_first_leg_are_ignored()
    {
        var call = _bed.InFlow(TestFlows.Billing);
        _bed.Press("4242#");
        _bed.Time.Advance(_bed.Options.RingTimeout);
        var first = _bed.Dialer.Legs[0];

        Assert.Equal(2, _bed.Dialer.Legs.Count);
        first.Events(new AgentLegEvent.Failed(487));
        first.Events(new AgentLegEvent.Ringing(null));
        _bed.Dialer.Events!(new AgentLegEvent.Answered("v=0 agent-answer"));

        Assert.Equal(CallState.Connected, call.State);
        Assert.Equal(2, _bed.Media.Agents.Count());
        Assert.Same(_bed.Media.Agent, _bed.CallerMedia.BridgedTo);
        Assert.True(_bed.Media.Agents.First().Disposed);
        Assert.Equal(AgentState.OnCall, _bed.Routing.AgentStatus("1001").State);

        // The first phone's 200 crossed our CANCEL: that dialog is ended at once, the call keeps the second.
        first.Events(new AgentLegEvent.Answered("v=0 late"));
        Assert.Equal(["cancel", "bye", "bye"], first.Actions);
        Assert.Equal(CallState.Connected, call.State);
        Assert.Empty(_bed.Dialer.Legs[1].Actions);
    }

    [Fact]
    public void An_agent_answering_with_unusable_media_is_hung_up_and_counts_as_not_answered()
    {
        var call = _bed.InFlow(TestFlows.Billing);
        _bed.Press("4242#");

        _bed.Dialer.Events!(new AgentLegEvent.Answered("v=0 bad answer"));

        Assert.Contains("bye", _bed.Dialer.Actions);
        Assert.Null(_bed.CallerMedia.BridgedTo);
        Assert.Contains("rona default 1001", _bed.Routing.Observer.Events);

        // Not answered once: the agent is still available, and rung again at once.
        Assert.Equal(CallState.RingingAgent, call.State);
        Assert.Equal(2, _bed.Dialer.Legs.Count);
    }

    [Fact]
    public void A_transfer_dials_its_uri_and_bridges_it_like_an_agent()
    {
        var call = _bed.InFlow(TestFlows.TransferTo("sip:+6328123@192.0.2.7:5070"));

        Assert.Equal(CallState.Transferring, call.State);
        var target = _bed.Dialer.Dialled!;
        Assert.Equal("+6328123", target.Extension);
        Assert.Equal("sip:+6328123@192.0.2.7:5070", target.Contact.ToString());
        Assert.Equal((SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.7"), 5070)), (target.Route.Transport, target.Route.EndPoint));
        Assert.Null(call.ContactId);

        _bed.Dialer.Events!(new AgentLegEvent.Ringing(null));
        _bed.Dialer.Events!(new AgentLegEvent.Answered("v=0 far-end"));
        Assert.Equal(CallState.Connected, call.State);
        Assert.Same(_bed.Media.Agent, _bed.CallerMedia.BridgedTo);

        _bed.Dialer.Events!(new AgentLegEvent.HungUp());
        Assert.Equal(("transfer-hangup", CallState.Ended), (call.Outcome, call.State));
        Assert.Equal(AgentState.Available, _bed.Routing.AgentStatus("1001").State);
    }

    [Fact]
    public void A_transfer_destination_that_refuses_releases_the_caller_with_goodbye()
    {
        var call = _bed.InFlow(TestFlows.TransferTo("sip:desk@192.0.2.7"));

        _bed.Dialer.Events!(new AgentLegEvent.Failed(503));

        Assert.Equal(CallState.Releasing, call.State);
        Assert.Equal("en/goodbye", _bed.CallerMedia.LastPlayed);
        _bed.CallerMedia.FinishPlayback();
        Assert.Equal(("transfer-failed", CallState.Ended), (call.Outcome, call.State));
        Assert.Equal("bye", _bed.Caller.Actions[^1]);
        Assert.True(_bed.Media.Agent.Disposed);
    }

    [Fact]
    public void A_transfer_to_a_host_name_is_not_dialled_and_the_caller_hears_goodbye()
    {
        var call = _bed.InFlow(TestFlows.TransferTo("sip:+6328123@trunk.example.com"));

        Assert.Null(_bed.Dialer.Dialled);
        Assert.Equal(CallState.Releasing, call.State);
        Assert.Equal("en/goodbye", _bed.CallerMedia.LastPlayed);
        Assert.Equal("transfer-failed", call.Outcome);
    }

    [Fact]
    public void A_transfer_that_is_not_answered_in_time_is_cancelled()
    {
        var call = _bed.InFlow(TestFlows.TransferTo("sip:desk@192.0.2.7"));

        _bed.Time.Advance(_bed.Options.RingTimeout);

        Assert.Equal(CallState.Releasing, call.State);
        Assert.Contains("cancel", _bed.Dialer.Actions);
        Assert.Equal("transfer-no-answer", call.Outcome);
    }

    [Fact]
    public void A_key_during_the_ring_does_not_reach_the_agents_leg_and_a_ringing_agent_plays_ringback_over_nothing_else()
    {
        var call = _bed.InFlow();
        _bed.Press('1');
        _bed.Dialer.Events!(new AgentLegEvent.Ringing(null));
        _bed.CallerMedia.Raise(new MediaEvent.Digit('5', "rfc4733"));

        Assert.Equal(CallState.RingingAgent, call.State);
        Assert.Equal("ringback", _bed.CallerMedia.Actions[^1]);
    }
}
