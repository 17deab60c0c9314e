using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Calls.Tests.Calls;

namespace CallCenter.Calls.Tests;

/// <summary>
/// The call-level life of an inbound call on the agent line ("press 1 to speak to an agent"): answer, flow, ringing the
/// agent with ringback, the bridge, and every way it ends, with fake signalling, media and clock.
/// </summary>
public class InboundCallTests
{
    private readonly CallTestbed _bed = new();

    [Fact]
    public void Answers_the_offer_then_starts_the_flow_on_ack()
    {
        var call = _bed.Offered();
        Assert.Equal(["answer:v=0 answer"], _bed.Caller.Actions);
        Assert.Equal(CallState.Offered, call.State);
        Assert.Empty(_bed.CallerMedia.Actions);

        call.OnAck(null);

        Assert.Equal(CallState.InFlow, call.State);
        Assert.Equal(["play:en/welcome"], _bed.CallerMedia.Actions);
    }

    [Fact]
    public void No_common_codec_is_refused_with_488_and_the_call_ends()
    {
        _bed.Media.RefuseOffers = true;
        var call = _bed.Offered();

        Assert.Equal("reject:488:305 callcenter \"Incompatible media format\"", Assert.Single(_bed.Caller.Actions));
        Assert.Equal(CallState.Ended, call.State);
        Assert.Equal("media-refused", call.Outcome);
        Assert.True(_bed.CallerMedia.Disposed);
        Assert.Same(call, Assert.Single(_bed.Ended));
    }

    [Fact]
    public void Invite_without_sdp_is_answered_with_our_offer_and_the_ack_carries_the_answer()
    {
        var call = _bed.Offered(caller: new FakeCaller(offer: null));
        call.OnAck("v=0 answer-in-ack");
        Assert.Equal(CallState.InFlow, call.State);
        Assert.Equal(["v=0 answer-in-ack"], _bed.CallerMedia.AnswersTaken);
    }

    [Fact]
    public void Pressing_1_rings_an_agent_with_ringback_then_bridges()
    {
        var call = _bed.InFlow();
        _bed.Press('1');

        Assert.Equal(CallState.RingingAgent, call.State);
        Assert.Equal("1001", _bed.Dialer.Dialled!.Extension);
        Assert.Equal(["invite:v=0 our-offer"], _bed.Dialer.Actions);

        _bed.Dialer.Events!(new AgentLegEvent.Ringing(null));
        Assert.Equal("ringback", _bed.CallerMedia.Actions[^1]);

        _bed.Dialer.Events!(new AgentLegEvent.Answered("v=0 agent-answer"));
        Assert.Equal(CallState.Connected, call.State);
        Assert.Same(_bed.Media.Agent, _bed.CallerMedia.BridgedTo);
        Assert.Equal(["v=0 agent-answer"], _bed.Media.Agent.AnswersTaken);
        Assert.Equal("1001", call.AgentExtension);
    }

    [Fact]
    public void Agent_hangup_ends_both_legs_and_releases_everything()
    {
        var call = _bed.Connected();

        _bed.Dialer.Events!(new AgentLegEvent.HungUp());

        Assert.Equal(CallState.Ended, call.State);
        Assert.Equal("agent-hangup", call.Outcome);
        Assert.Equal("bye", _bed.Caller.Actions[^1]);
        Assert.DoesNotContain("bye", _bed.Dialer.Actions);
        Assert.Equal(CallCenter.Routing.AgentState.WrapUp, _bed.Routing.AgentStatus("1001").State);
        Assert.True(_bed.CallerMedia.Disposed && _bed.Media.Agent.Disposed);
    }

    [Fact]
    public void Caller_hangup_while_connected_sends_bye_to_the_agent()
    {
        var call = _bed.Connected();

        call.OnCallerHangup();

        Assert.Equal(CallState.Ended, call.State);
        Assert.Equal("caller-hangup", call.Outcome);
        Assert.Contains("bye", _bed.Dialer.Actions);
        Assert.DoesNotContain("bye", _bed.Caller.Actions);
    }

    [Fact]
    public void Caller_hangup_while_the_agent_rings_cancels_the_agent_leg()
    {
        var call = _bed.InFlow();
        _bed.Press('1');
        _bed.Dialer.Events!(new AgentLegEvent.Ringing(null));

        call.OnCallerHangup();

        Assert.Equal(CallState.Ended, call.State);
        Assert.Equal("cancel", _bed.Dialer.Actions[1]);
        Assert.Equal("caller-hangup", call.Outcome);
        Assert.Equal(CallCenter.Routing.AgentState.Available, _bed.Routing.AgentStatus("1001").State);
    }

    [Fact]
    public void Media_timeout_while_connected_hangs_up_both_sides()
    {
        var call = _bed.Connected();

        _bed.CallerMedia.Raise(new MediaEvent.Inactive());

        Assert.Equal(CallState.Ended, call.State);
        Assert.Equal("caller-media-timeout", call.Outcome);
        Assert.Contains("bye", _bed.Dialer.Actions);
        Assert.Equal("bye", _bed.Caller.Actions[^1]);
    }

    [Fact]
    public void Stray_events_before_the_ack_are_ignored_without_breaking_the_call()
    {
        var call = _bed.Offered();
        _bed.Press('5');
        _bed.CallerMedia.Raise(new MediaEvent.PromptFinished(7));
        _bed.Dialer.Events?.Invoke(new AgentLegEvent.HungUp());
        Assert.Equal(CallState.Offered, call.State);

        call.OnAck(null);

        Assert.Equal(CallState.InFlow, call.State);
        Assert.Equal(["play:en/welcome"], _bed.CallerMedia.Actions);
    }

    [Fact]
    public void Keys_and_prompt_ends_while_the_agent_rings_do_not_reach_the_finished_flow()
    {
        var call = _bed.InFlow();
        _bed.Press('1');
        var played = _bed.CallerMedia.Actions.Count;

        _bed.Press('7');
        _bed.CallerMedia.FinishPlayback();
        _bed.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(CallState.RingingAgent, call.State);
        Assert.Equal(played, _bed.CallerMedia.Actions.Count);
    }
}
