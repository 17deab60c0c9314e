using CallCenter.Calls.Actor;
using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Calls.Tests;

public class InboundCallTests
{
    private readonly FakeCaller _caller = new();
    private readonly FakeMediaFactory _media = new();
    private readonly FakeDialer _dialer = new();
    private readonly FakeTimeProvider _time = new();
    private readonly List<InboundCall> _ended = [];
    private readonly CallOptions _options = new();
    private readonly FakeSelector _selector = new();

    private InboundCall Start(FakeSelector? selector = null, FakeCaller? caller = null)
    {
        var services = new CallServices(_media, _dialer, selector ?? _selector, _time, _options, NullLogger.Instance, _ended.Add);
        var call = new InboundCall(caller ?? _caller, services, SerialExecutor.InlineDispatch);
        call.Start();
        return call;
    }

    private InboundCall AnsweredAndGreeted()
    {
        var call = Start();
        call.OnAck(null);
        return call;
    }

    [Fact]
    public void Answers_the_offer_then_greets_on_ack()
    {
        var call = Start();
        Assert.Equal(["answer:v=0 answer"], _caller.Actions);
        Assert.Equal(CallState.Offered, call.State);

        call.OnAck(null);

        Assert.Equal(CallState.Greeting, call.State);
        Assert.Equal(["play:en/welcome"], _media.Caller.Actions);
    }

    [Fact]
    public void No_common_codec_is_refused_with_488_and_the_call_ends()
    {
        _media.RefuseOffers = true;
        var call = Start();

        Assert.Equal("reject:488:305 callcenter \"Incompatible media format\"", Assert.Single(_caller.Actions));
        Assert.Equal(CallState.Ended, call.State);
        Assert.Equal("media-refused", call.Outcome);
        Assert.True(_media.Caller.Disposed);
        Assert.Same(call, Assert.Single(_ended));
    }

    [Fact]
    public void Invite_without_sdp_is_answered_with_our_offer_and_the_ack_carries_the_answer()
    {
        var call = Start(caller: new FakeCaller(offer: null));
        call.OnAck("v=0 answer-in-ack");
        Assert.Equal(CallState.Greeting, call.State);
    }

    [Fact]
    public void Pressing_the_agent_key_rings_an_agent_with_ringback_then_bridges()
    {
        var call = AnsweredAndGreeted();
        _media.Caller.Raise(new MediaEvent.Digit('1', "rfc4733"));

        Assert.Equal(CallState.RingingAgent, call.State);
        Assert.Equal("1001", _dialer.Dialled!.Extension);
        Assert.Equal(["invite:v=0 our-offer"], _dialer.Actions);

        _dialer.Events!(new AgentLegEvent.Ringing(null));
        Assert.Contains("ringback", _media.Caller.Actions);

        _dialer.Events!(new AgentLegEvent.Answered("v=0 agent-answer"));
        Assert.Equal(CallState.Connected, call.State);
        Assert.Same(_media.Agent, _media.Caller.BridgedTo);
        Assert.Equal("1001", call.AgentExtension);
    }

    [Fact]
    public void Agent_hangup_ends_both_legs_and_releases_everything()
    {
        var call = AnsweredAndGreeted();
        _media.Caller.Raise(new MediaEvent.Digit('1', "rfc4733"));
        _dialer.Events!(new AgentLegEvent.Answered("v=0 agent-answer"));

        _dialer.Events!(new AgentLegEvent.HungUp());

        Assert.Equal(CallState.Ended, call.State);
        Assert.Equal("agent-hangup", call.Outcome);
        Assert.Equal("bye", _caller.Actions[^1]);
        Assert.DoesNotContain("bye", _dialer.Actions);
        Assert.Equal(["1001"], _selector.Released);
        Assert.True(_media.Caller.Disposed && _media.Agent.Disposed);
    }

    [Fact]
    public void Caller_hangup_while_connected_sends_bye_to_the_agent()
    {
        var call = AnsweredAndGreeted();
        _media.Caller.Raise(new MediaEvent.Digit('1', "rfc4733"));
        _dialer.Events!(new AgentLegEvent.Answered("v=0 agent-answer"));

        call.OnCallerHangup();

        Assert.Equal(CallState.Ended, call.State);
        Assert.Contains("bye", _dialer.Actions);
        Assert.DoesNotContain("bye", _caller.Actions);
    }

    [Fact]
    public void Caller_hangup_while_the_agent_rings_cancels_the_agent_leg()
    {
        var call = AnsweredAndGreeted();
        _media.Caller.Raise(new MediaEvent.Digit('1', "rfc4733"));
        _dialer.Events!(new AgentLegEvent.Ringing(null));

        call.OnCallerHangup();

        Assert.Equal(CallState.Ended, call.State);
        Assert.Equal("cancel", _dialer.Actions[1]);
        Assert.Equal("caller-hangup", call.Outcome);
    }

    [Fact]
    public void Agent_busy_tells_the_caller_then_hangs_up()
    {
        var call = AnsweredAndGreeted();
        _media.Caller.Raise(new MediaEvent.Digit('1', "rfc4733"));
        _dialer.Events!(new AgentLegEvent.Failed(486));

        Assert.Equal(CallState.Releasing, call.State);
        Assert.Equal("play:en/all-agents-busy+en/goodbye", _media.Caller.Actions[^1]);
        _media.Caller.Raise(new MediaEvent.PromptFinished());

        Assert.Equal(CallState.Ended, call.State);
        Assert.Equal("agent-failed-486", call.Outcome);
        Assert.Equal("bye", _caller.Actions[^1]);
    }

    [Fact]
    public void Agent_not_answering_is_cancelled_after_the_ring_timeout()
    {
        var call = AnsweredAndGreeted();
        _media.Caller.Raise(new MediaEvent.Digit('1', "rfc4733"));
        _dialer.Events!(new AgentLegEvent.Ringing(null));

        _time.Advance(_options.RingTimeout);

        Assert.Equal(CallState.Releasing, call.State);
        Assert.Equal("agent-no-answer", call.Outcome);
        Assert.Contains("cancel", _dialer.Actions);
    }

    [Fact]
    public void No_agent_available_is_announced()
    {
        var call = Start(new FakeSelector(hasAgent: false));
        call.OnAck(null);
        _media.Caller.Raise(new MediaEvent.Digit('1', "sip-info"));

        Assert.Equal(CallState.Releasing, call.State);
        Assert.Equal("no-agent", call.Outcome);
        Assert.Null(_dialer.Dialled);
    }

    [Fact]
    public void A_wrong_key_replays_the_greeting_after_the_invalid_prompt_and_gives_up_after_the_repeats()
    {
        var call = AnsweredAndGreeted();
        _media.Caller.Raise(new MediaEvent.Digit('7', "rfc4733"));
        Assert.Equal("play:en/invalid-choice+en/welcome", _media.Caller.Actions[^1]);
        Assert.Equal(CallState.Greeting, call.State);

        _media.Caller.Raise(new MediaEvent.Digit('8', "rfc4733"));
        _media.Caller.Raise(new MediaEvent.Digit('9', "rfc4733"));

        Assert.Equal(CallState.Releasing, call.State);
        Assert.Equal("invalid-input", call.Outcome);
    }

    [Fact]
    public void Silence_after_the_greeting_reprompts_then_releases()
    {
        var call = AnsweredAndGreeted();
        _media.Caller.Raise(new MediaEvent.PromptFinished());
        Assert.Equal(CallState.WaitingForChoice, call.State);

        _time.Advance(_options.ChoiceTimeout);
        Assert.Equal("play:en/no-input+en/welcome", _media.Caller.Actions[^1]);

        for (var i = 0; i < 2; i++)
        {
            _media.Caller.Raise(new MediaEvent.PromptFinished());
            _time.Advance(_options.ChoiceTimeout);
        }

        Assert.Equal(CallState.Releasing, call.State);
        Assert.Equal("no-input", call.Outcome);
    }

    [Fact]
    public void Stray_events_are_ignored_without_breaking_the_call()
    {
        var call = Start();
        _media.Caller.Raise(new MediaEvent.Digit('5', "rfc4733"));
        _media.Caller.Raise(new MediaEvent.PromptFinished());
        _dialer.Events?.Invoke(new AgentLegEvent.HungUp());
        Assert.Equal(CallState.Offered, call.State);
        call.OnAck(null);
        Assert.Equal(CallState.Greeting, call.State);
    }

    [Fact]
    public void Media_timeout_while_connected_hangs_up_both_sides()
    {
        var call = AnsweredAndGreeted();
        _media.Caller.Raise(new MediaEvent.Digit('1', "rfc4733"));
        _dialer.Events!(new AgentLegEvent.Answered("v=0 agent-answer"));

        _media.Caller.Raise(new MediaEvent.Inactive());

        Assert.Equal(CallState.Ended, call.State);
        Assert.Equal("caller-media-timeout", call.Outcome);
        Assert.Contains("bye", _dialer.Actions);
        Assert.Equal("bye", _caller.Actions[^1]);
    }

}
