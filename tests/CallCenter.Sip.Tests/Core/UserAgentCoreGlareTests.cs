using System.Globalization;
using System.Text;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Core.Support;
using CallCenter.Sip.Transactions;
using static CallCenter.Sip.Tests.Core.Support.CallerCalls;
using static CallCenter.Sip.Tests.Core.Support.OutgoingCalls;

namespace CallCenter.Sip.Tests.Core;

/// <summary>
/// Crossing session changes inside a dialog (RFC 3261 §14, RFC 3311 §5.2): 491 when ours is in progress, 500 with
/// Retry-After when the peer's previous INVITE is still unanswered, and the ACKs of our own re-INVITEs.
/// </summary>
public sealed class UserAgentCoreGlareTests
{
    private static readonly TimeSpan T1 = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task A_re_INVITE_while_ours_is_in_progress_gets_491_and_is_taken_once_ours_is_done()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = new RecordingInviteHandler();
        harness.Core.InviteHandler = handler;
        var agent = harness.NewPhone("1002");
        var dialog = await EstablishedCallAsync(harness, agent);

        var ours = harness.Core.SendInDialogAsync(dialog, SipMethods.Invite, Encoding.UTF8.GetBytes(Softphone.Sdp), "application/sdp");
        var ourReInvite = await agent.Phone.ReceiveRequestAsync();
        var crossing = await agent.Phone.SendAndGetFinalAsync(AgentReInvite(harness, agent, dialog, cseq: 1));
        agent.Phone.Send(agent.Answer(ourReInvite, 200, toTag: null, extraHeaders: $"Contact: <{agent.ContactUri}>\r\n", body: Softphone.Sdp));
        var ack = await agent.Phone.ReceiveRequestAsync();
        await ours.WaitAsync(TimeSpan.FromSeconds(10));
        var retried = await agent.Phone.SendAndGetFinalAsync(AgentReInvite(harness, agent, dialog, cseq: 2));

        Assert.Equal(491, crossing.StatusCode);
        Assert.Equal((SipMethods.Ack, ourReInvite.CSeq!.Number), (ack.Method, ack.CSeq!.Number));
        Assert.Equal(200, retried.StatusCode);
        Assert.Equal(["in-dialog INVITE"], handler.Events);
    }

    [Fact]
    public async Task A_second_re_INVITE_before_the_first_is_answered_gets_500_with_Retry_After()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = AcceptingHandler(harness);
        var caller = harness.NewPhone("0917");
        var (invite, ok) = await AnsweredAsync(caller);
        ServerTransaction? pending = null;
        handler.WhenInDialogRequest = (dialog, transaction) =>
        {
            if (pending is null)
            {
                pending = transaction;
                return;
            }

            AcceptSessionChange(harness.Core, dialog, transaction);
        };

        caller.Phone.Send(caller.InDialog(SipMethods.Invite, invite, ok, cseq: 2, body: Softphone.Sdp));
        await caller.Phone.SyncAsync();
        var second = await caller.Phone.SendAndGetFinalAsync(caller.InDialog(SipMethods.Invite, invite, ok, cseq: 3, body: Softphone.Sdp));
        var offerInUpdate = await caller.Phone.SendAndGetFinalAsync(caller.InDialog(SipMethods.Update, invite, ok, cseq: 4, body: Softphone.Sdp));
        pending!.Respond(pending.CreateResponse(488));
        var third = await caller.Phone.SendAndGetFinalAsync(caller.InDialog(SipMethods.Invite, invite, ok, cseq: 5, body: Softphone.Sdp));

        Assert.Equal(500, second.StatusCode);
        Assert.InRange(int.Parse(second.Headers[KnownHeader.RetryAfter]!, CultureInfo.InvariantCulture), 0, 10);
        Assert.Equal(500, offerInUpdate.StatusCode);
        Assert.Equal(["invite ", "ack", "in-dialog INVITE", "in-dialog INVITE"], handler.Events);
        Assert.Equal(200, third.StatusCode);
    }

    [Fact]
    public async Task A_re_INVITE_before_our_2xx_is_acknowledged_gets_491()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = AcceptingHandler(harness);
        var caller = harness.NewPhone("0917");
        var (invite, ok) = await CallAsync(caller);

        var early = await caller.Phone.SendAndGetFinalAsync(caller.InDialog(SipMethods.Invite, invite, ok, cseq: 2, body: Softphone.Sdp));
        caller.Phone.Send(caller.Ack(invite, ok));
        var later = await caller.Phone.SendAndGetFinalAsync(caller.InDialog(SipMethods.Invite, invite, ok, cseq: 3, body: Softphone.Sdp));

        Assert.Equal(491, early.StatusCode);
        Assert.Equal(200, later.StatusCode);
        Assert.Equal(["invite ", "ack", "in-dialog INVITE"], handler.Events);
    }

    [Fact]
    public async Task An_UPDATE_with_an_offer_crossing_our_re_INVITE_gets_491_one_without_an_offer_is_taken()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = new RecordingInviteHandler();
        harness.Core.InviteHandler = handler;
        var agent = harness.NewPhone("1002");
        var dialog = await EstablishedCallAsync(harness, agent);

        _ = harness.Core.SendInDialogAsync(dialog, SipMethods.Invite, Encoding.UTF8.GetBytes(Softphone.Sdp), "application/sdp");
        await agent.Phone.ReceiveRequestAsync();
        var withOffer = await agent.Phone.SendAndGetFinalAsync(AgentRequest(harness, agent, dialog, SipMethods.Update, cseq: 1, Softphone.Sdp));
        var refreshOnly = await agent.Phone.SendAndGetFinalAsync(AgentRequest(harness, agent, dialog, SipMethods.Update, cseq: 2, body: null));

        Assert.Equal(491, withOffer.StatusCode);
        Assert.Equal(200, refreshOnly.StatusCode);
        Assert.Equal(["in-dialog UPDATE"], handler.Events);
    }

    [Fact]
    public async Task A_late_ACK_for_an_earlier_2xx_does_not_stop_the_2xx_of_a_later_re_INVITE()
    {
        await using var harness = await CoreHarness.StartAsync();
        AcceptingHandler(harness);
        var caller = harness.NewPhone("0917");
        var (invite, ok) = await AnsweredAsync(caller);

        var reInvite = caller.InDialog(SipMethods.Invite, invite, ok, cseq: 2, body: Softphone.Sdp);
        var reOk = await caller.Phone.SendAndGetFinalAsync(reInvite);
        caller.Phone.Send(caller.Ack(invite, ok));
        await caller.Phone.SyncAsync();
        harness.RunFor(T1);
        var retransmitted = await caller.Phone.ReceiveResponseAsync();
        caller.Phone.Send(caller.Ack(reInvite, reOk));
        await caller.Phone.SyncAsync();
        harness.RunFor(8 * T1);

        Assert.Equal(reOk.ToString(), retransmitted.ToString());
        await caller.Phone.AssertNothingSentAsync();
    }

    private static SipRequest AgentReInvite(CoreHarness harness, Softphone agent, Dialog dialog, long cseq) =>
        AgentRequest(harness, agent, dialog, SipMethods.Invite, cseq, Softphone.Sdp);

    /// <summary>A request from the agent's phone in the dialog we placed (our tag in To, its tag in From).</summary>
    private static SipRequest AgentRequest(CoreHarness harness, Softphone agent, Dialog dialog, string method, long cseq, string? body) =>
        agent.Request(method, $"sip:callcenter@127.0.0.1:{harness.ServerEndPoint.Port}", dialog.Id.CallId, cseq,
            $"<sip:queue-support@callcenter.test>;tag={dialog.Id.LocalTag}", fromTag: dialog.Id.RemoteTag,
            extraHeaders: $"Contact: <{agent.ContactUri}>\r\n", body: body);
}
