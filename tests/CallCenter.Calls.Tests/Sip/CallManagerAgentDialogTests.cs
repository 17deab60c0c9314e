using System.Text;
using CallCenter.Calls.Tests.Sip.Support;
using CallCenter.Sip.Message;

namespace CallCenter.Calls.Tests.Sip;

/// <summary>
/// The agent's dialog of a bridged call, over the real SIP stack: an agent who hangs up the instant it has our ACK
/// still ends both legs, and the agent's re-INVITEs (hold, resume, no offer) are answered by the agent's media alone
/// without a message on the caller's dialog (RFC 3261 §14.2, RFC 3264 §8).
/// </summary>
public sealed class CallManagerAgentDialogTests
{
    [Fact]
    public async Task An_agent_BYE_right_after_its_200_ends_both_legs()
    {
        await using var harness = await CallManagerHarness.StartAsync();
        var caller = await harness.CallerAnsweredAsync();

        var agent = await harness.AgentAnswersAsync();
        // The call already knows the agent answered when the ACK leaves: the dialog was mapped before the 200 was acted on.
        var connectedAtAck = harness.Manager.FindCall(caller.ServerDialog)?.State;
        var byeAnswer = await harness.Agent.SendAndGetFinalAsync(harness.AgentRequest(agent, SipMethods.Bye, 1));
        var byeToCaller = await harness.Caller.ReceiveRequestAsync(SipMethods.Bye);
        harness.Caller.Send(CallManagerHarness.Ok(byeToCaller));
        await harness.Caller.SyncAsync();

        Assert.Equal(CallState.Connected, connectedAtAck);
        Assert.Equal(200, byeAnswer.StatusCode);
        Assert.Equal(caller.Invite.CallId, byeToCaller.CallId);
        var ended = Assert.Single(harness.Ended);
        Assert.Equal("agent-hangup", ended.Outcome);
        Assert.Equal(0, harness.Manager.ActiveCalls);
        Assert.Equal(0, harness.Core.Dialogs.Count);
    }

    [Fact]
    public async Task An_agent_who_puts_the_call_on_hold_is_answered_by_its_own_media_and_the_caller_hears_nothing_of_it()
    {
        await using var harness = await CallManagerHarness.StartAsync();
        await harness.CallerAnsweredAsync();
        var agent = await harness.AgentAnswersAsync();
        harness.Media.Agent.Answerer = offer => offer.Contains("a=sendonly", StringComparison.Ordinal) ? "v=0 a=recvonly" : "v=0 a=sendrecv";

        var hold = harness.AgentRequest(agent, SipMethods.Invite, 1, sdp: "v=0 a=sendonly");
        var held = await harness.Agent.SendAndGetFinalAsync(hold);
        harness.Agent.Send(harness.AgentRequest(agent, SipMethods.Ack, 1));
        var resume = harness.AgentRequest(agent, SipMethods.Invite, 2, sdp: "v=0 a=sendrecv");
        var resumed = await harness.Agent.SendAndGetFinalAsync(resume);
        harness.Agent.Send(harness.AgentRequest(agent, SipMethods.Ack, 2));
        await harness.Agent.SyncAsync();

        Assert.Equal((200, "v=0 a=recvonly"), (held.StatusCode, Encoding.UTF8.GetString(held.Body.Span)));
        Assert.Equal("application/sdp", held.ContentType);
        Assert.True(held.Headers.Contains(KnownHeader.Contact));
        Assert.Equal((200, "v=0 a=sendrecv"), (resumed.StatusCode, Encoding.UTF8.GetString(resumed.Body.Span)));
        Assert.Equal(["v=0 a=sendonly", "v=0 a=sendrecv"], harness.Media.Agent.OffersAnswered);
        Assert.Equal(["v=0 caller-offer"], harness.Media.Caller.OffersAnswered);
        Assert.Empty(await harness.Caller.SyncAsync());
        Assert.Equal(1, harness.Manager.ActiveCalls);
    }

    [Fact]
    public async Task An_agent_re_INVITE_without_an_offer_gets_our_offer_and_the_answer_in_its_ACK_is_applied()
    {
        await using var harness = await CallManagerHarness.StartAsync();
        await harness.CallerAnsweredAsync();
        var agent = await harness.AgentAnswersAsync();

        var offerless = await harness.Agent.SendAndGetFinalAsync(harness.AgentRequest(agent, SipMethods.Invite, 1));
        harness.Agent.Send(harness.AgentRequest(agent, SipMethods.Ack, 1, sdp: "v=0 agent-answer-2"));
        await harness.Agent.SyncAsync();

        Assert.Equal((200, "v=0 our-offer"), (offerless.StatusCode, Encoding.UTF8.GetString(offerless.Body.Span)));
        Assert.Equal(2, harness.Media.Agent.OffersMade);
        Assert.Equal(["v=0 agent-answer", "v=0 agent-answer-2"], harness.Media.Agent.AnswersTaken);
        Assert.Empty(harness.Media.Caller.AnswersTaken);
    }

    [Fact]
    public async Task An_agent_offer_the_media_refuses_gets_488_and_the_session_stays()
    {
        await using var harness = await CallManagerHarness.StartAsync();
        await harness.CallerAnsweredAsync();
        var agent = await harness.AgentAnswersAsync();
        harness.Media.Agent.RefuseOffer = true;

        var refused = await harness.Agent.SendAndGetFinalAsync(harness.AgentRequest(agent, SipMethods.Invite, 1, sdp: "v=0 video-only"));

        Assert.Equal(488, refused.StatusCode);
        Assert.StartsWith("305 callcenter", refused.Headers[KnownHeader.Warning]);
        Assert.Equal(1, harness.Manager.ActiveCalls);
    }

    [Fact]
    public async Task An_agent_UPDATE_refresh_is_answered_with_the_session_timer_it_asked_for()
    {
        await using var harness = await CallManagerHarness.StartAsync();
        await harness.CallerAnsweredAsync();
        var agent = await harness.AgentAnswersAsync();

        var refreshed = await harness.Agent.SendAndGetFinalAsync(
            harness.AgentRequest(agent, SipMethods.Update, 1, "Supported: timer\nSession-Expires: 600;refresher=uac"));

        Assert.Equal(200, refreshed.StatusCode);
        Assert.Equal("600;refresher=uac", refreshed.Headers[KnownHeader.SessionExpires]);
        Assert.True(refreshed.Body.IsEmpty);
        Assert.Empty(harness.Media.Agent.OffersAnswered);
    }
}
