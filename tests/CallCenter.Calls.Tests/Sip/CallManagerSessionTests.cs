using System.Text;
using CallCenter.Calls.Tests.Sip.Support;
using CallCenter.Sip.Message;

namespace CallCenter.Calls.Tests.Sip;

/// <summary>
/// Session changes and session timers on a bridged call, over the real SIP stack and a fake clock: the caller's
/// offerless re-INVITE and its UPDATE, and a session timer that runs out on either leg ending both (RFC 4028 §10).
/// </summary>
public sealed class CallManagerSessionTests
{
    [Fact]
    public async Task A_caller_re_INVITE_without_an_offer_gets_our_offer_and_the_answer_in_its_ACK_is_applied()
    {
        await using var harness = await CallManagerHarness.StartAsync();
        var caller = await harness.CallerAnsweredAsync();

        var offerless = await harness.Caller.SendAndGetFinalAsync(harness.CallerRequest(caller, SipMethods.Invite, 2));
        harness.Caller.Send(harness.CallerRequest(caller, SipMethods.Ack, 2, sdp: "v=0 caller-answer"));
        await harness.Caller.SyncAsync();

        Assert.Equal((200, "v=0 our-offer"), (offerless.StatusCode, Encoding.UTF8.GetString(offerless.Body.Span)));
        Assert.Equal(["v=0 caller-answer"], harness.Media.Caller.AnswersTaken);
    }

    [Fact]
    public async Task A_caller_UPDATE_with_an_offer_is_answered_by_the_callers_media()
    {
        await using var harness = await CallManagerHarness.StartAsync();
        var caller = await harness.CallerAnsweredAsync();

        var updated = await harness.Caller.SendAndGetFinalAsync(harness.CallerRequest(caller, SipMethods.Update, 2, sdp: "v=0 new-address"));

        Assert.Equal((200, "v=0 answer"), (updated.StatusCode, Encoding.UTF8.GetString(updated.Body.Span)));
        Assert.Equal(["v=0 caller-offer", "v=0 new-address"], harness.Media.Caller.OffersAnswered);
    }

    [Fact]
    public async Task When_the_callers_refresh_never_comes_both_legs_are_hung_up()
    {
        await using var harness = await CallManagerHarness.StartAsync();
        await harness.CallerAnsweredAsync("Supported: timer\nSession-Expires: 90;refresher=uac");
        await harness.AgentAnswersAsync();

        harness.RunFor(TimeSpan.FromSeconds(60));
        var byeToCaller = await harness.Caller.ReceiveRequestAsync(SipMethods.Bye);
        var byeToAgent = await harness.Agent.ReceiveRequestAsync(SipMethods.Bye);
        harness.Caller.Send(CallManagerHarness.Ok(byeToCaller));
        harness.Agent.Send(CallManagerHarness.Ok(byeToAgent));
        await harness.Agent.SyncAsync();

        Assert.Equal("session-expired", Assert.Single(harness.Ended).Outcome);
        Assert.Equal(0, harness.Core.Dialogs.Count);
    }

    [Fact]
    public async Task When_the_agents_refresh_never_comes_both_legs_are_hung_up()
    {
        await using var harness = await CallManagerHarness.StartAsync();
        await harness.CallerAnsweredAsync();
        await harness.AgentAnswersAsync("Require: timer\nSession-Expires: 120;refresher=uas");

        harness.RunFor(TimeSpan.FromSeconds(87));
        Assert.Empty(await harness.Agent.SyncAsync());
        harness.RunFor(TimeSpan.FromSeconds(1));
        var byeToAgent = await harness.Agent.ReceiveRequestAsync(SipMethods.Bye);
        var byeToCaller = await harness.Caller.ReceiveRequestAsync(SipMethods.Bye);
        harness.Agent.Send(CallManagerHarness.Ok(byeToAgent));
        harness.Caller.Send(CallManagerHarness.Ok(byeToCaller));
        await harness.Caller.SyncAsync();

        Assert.Equal("session-expired", Assert.Single(harness.Ended).Outcome);
        Assert.Equal(0, harness.Manager.ActiveCalls);
    }

    [Fact]
    public async Task The_session_timer_policy_comes_from_the_call_options()
    {
        var options = new CallOptions { SessionExpires = TimeSpan.FromMinutes(10), MinSE = TimeSpan.FromMinutes(2) };
        await using var harness = await CallManagerHarness.StartAsync(options);

        var refused = await harness.Caller.SendAndGetFinalAsync(SipPeer.Request(
            $"INVITE sip:100@127.0.0.1:{harness.Stack.UdpEndPoints[0].Port} SIP/2.0\n{harness.Caller.Via}\nFrom: <sip:0917@{harness.Caller.HostPort}>;tag=c\n" +
            $"To: <sip:100@127.0.0.1>\nCall-ID: policy@test\nCSeq: 1 INVITE\nContact: {harness.Caller.Contact}\nSupported: timer\nSession-Expires: 100",
            "v=0 caller-offer"));

        Assert.Equal((422, "120"), (refused.StatusCode, refused.Headers[KnownHeader.MinSE]));
        Assert.Equal((600, 120), (harness.Core.SessionTimers.SessionExpiresSeconds, harness.Core.SessionTimers.MinSESeconds));
        Assert.Equal(0, harness.Manager.ActiveCalls);
    }
}
