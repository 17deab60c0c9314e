using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Calls.Sip;
using CallCenter.Calls.Tests.Calls;

namespace CallCenter.Calls.Tests;

/// <summary>
/// Session changes on each leg of a call (RFC 3264 §8, RFC 3261 §14.2) and session timers running out on either leg
/// (RFC 4028 §10), at the level of the call's state machine with fake media and signalling.
/// </summary>
public class InboundCallSessionTests
{
    private readonly CallTestbed _bed = new();
    private InboundCall Connected() => _bed.Connected();

    [Fact]
    public void An_agent_offer_is_negotiated_by_the_agents_media_alone()
    {
        Connected();
        _bed.Media.Agent.Answerer = _ => "v=0 a=recvonly";
        MediaNegotiation? answer = null;

        _bed.Dialer.Events!(new AgentReOffered("v=0 a=sendonly", n => answer = n));

        Assert.Equal("v=0 a=recvonly", answer!.AnswerSdp);
        Assert.Equal(["v=0 a=sendonly"], _bed.Media.Agent.OffersAnswered);
        Assert.Equal(["v=0 caller-offer"], _bed.Media.Caller.OffersAnswered);
        Assert.Equal(["answer:v=0 answer"], _bed.Caller.Actions);
    }

    [Fact]
    public void An_agent_asking_for_an_offer_gets_ours_and_its_answer_comes_with_the_ACK()
    {
        Connected();
        string? offer = null;

        _bed.Dialer.Events!(new AgentOfferRequested(o => offer = o));
        _bed.Dialer.Events!(new AgentAcknowledged("v=0 agent-answer-2"));
        _bed.Dialer.Events!(new AgentAcknowledged("v=0 stray"));

        Assert.Equal("v=0 our-offer", offer);
        Assert.Equal(["v=0 agent-answer", "v=0 agent-answer-2"], _bed.Media.Agent.AnswersTaken);
    }

    [Fact]
    public void Once_the_call_has_ended_an_agent_offer_is_refused_and_no_offer_is_made()
    {
        var call = Connected();
        call.OnCallerHangup();
        MediaNegotiation? answer = null;
        var offered = "not called";

        _bed.Dialer.Events!(new AgentReOffered("v=0 a=sendonly", n => answer = n));
        _bed.Dialer.Events!(new AgentOfferRequested(o => offered = o));

        Assert.Equal((null, 488), (answer!.AnswerSdp, answer.RefusalStatus));
        Assert.Null(offered);
    }

    [Fact]
    public void A_caller_asking_for_an_offer_gets_ours_and_an_unusable_answer_keeps_the_call()
    {
        var call = Connected();
        string? offer = null;

        call.OnCallerOfferRequested(o => offer = o);
        call.OnAck("v=0 bad answer");

        Assert.Equal("v=0 our-offer", offer);
        Assert.Equal(["v=0 bad answer"], _bed.Media.Caller.AnswersTaken);
        Assert.Equal(CallState.Connected, call.State);
    }

    [Fact]
    public void An_unusable_answer_to_the_offer_in_our_first_200_releases_the_call()
    {
        var call = _bed.Offered(caller: new FakeCaller(offer: null));

        call.OnAck("v=0 bad answer");

        Assert.Equal(CallState.Releasing, call.State);
        Assert.Equal("en/goodbye", _bed.Media.Caller.LastPlayed);
        _bed.Media.Caller.FinishPlayback();
        Assert.Equal(("released", CallState.Ended), (call.Outcome, call.State));
        Assert.Equal("bye", _bed.Caller.Actions[^1]);
    }

    [Fact]
    public void The_agents_session_expiring_ends_the_call_and_hangs_up_the_caller()
    {
        var call = Connected();

        _bed.Dialer.Events!(new AgentSessionExpired());

        Assert.Equal(CallState.Ended, call.State);
        Assert.Equal("session-expired", call.Outcome);
        Assert.Equal("bye", _bed.Caller.Actions[^1]);
        Assert.DoesNotContain("bye", _bed.Dialer.Actions);
    }

    [Fact]
    public void The_callers_session_expiring_ends_the_call_and_hangs_up_the_agent()
    {
        var call = Connected();

        call.OnCallerSessionExpired();

        Assert.Equal(CallState.Ended, call.State);
        Assert.Equal("session-expired", call.Outcome);
        Assert.Contains("bye", _bed.Dialer.Actions);
        Assert.DoesNotContain("bye", _bed.Caller.Actions);
        Assert.Same(call, Assert.Single(_bed.Ended));
    }

    [Fact]
    public void The_call_is_a_session_party_for_the_callers_dialog()
    {
        ISessionParty call = Connected();
        MediaNegotiation? answer = null;
        string? offer = null;

        call.AnswerOffer("v=0 hold", n => answer = n);
        call.MakeOffer(o => offer = o);
        call.Acknowledged("v=0 caller-answer");

        Assert.Equal("v=0 answer", answer!.AnswerSdp);
        Assert.Equal("v=0 our-offer", offer);
        Assert.Equal(["v=0 caller-answer"], _bed.Media.Caller.AnswersTaken);
    }
}
