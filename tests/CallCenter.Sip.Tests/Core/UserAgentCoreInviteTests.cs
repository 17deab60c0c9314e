using System.Text;
using CallCenter.Sip.Core;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Core.Support;

namespace CallCenter.Sip.Tests.Core;

/// <summary>Incoming calls through the whole stack on loopback: authentication, answer, 2xx retransmission, CANCEL (RFC 3261 §9.2, §13.3).</summary>
public sealed class UserAgentCoreInviteTests
{
    private static readonly TimeSpan T1 = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task An_INVITE_without_credentials_is_challenged_and_the_ACK_for_the_401_absorbed()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = new RecordingInviteHandler();
        harness.Core.InviteHandler = handler;
        var phone = harness.NewPhone();
        var invite = phone.Invite();

        var challenge = await phone.Phone.SendAndGetFinalAsync(invite);
        phone.Phone.Send(phone.Ack(invite, challenge));

        Assert.Equal(401, challenge.StatusCode);
        await phone.Phone.AssertNothingSentAsync();
        Assert.Empty(handler.Events);
    }

    [Fact]
    public async Task Without_a_call_handler_an_authenticated_INVITE_is_refused_480()
    {
        await using var harness = await CoreHarness.StartAsync();
        var phone = harness.NewPhone();

        var final = await AuthenticatedInviteAsync(phone);

        Assert.Equal(480, final.StatusCode);
    }

    [Fact]
    public async Task An_answered_call_carries_our_Contact_and_creates_the_dialog()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = RecordingInviteHandler.Answering(harness.Core);
        harness.Core.InviteHandler = handler;
        var phone = harness.NewPhone();

        var ok = await AuthenticatedInviteAsync(phone);

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(["invite 1001"], handler.Events);
        Assert.True(ok.TryGetContacts(out var contacts, out _, out _));
        Assert.Equal($"sip:callcenter@127.0.0.1:{harness.ServerEndPoint.Port}", Assert.Single(contacts).Uri.ToString());
        Assert.Equal(Softphone.Sdp, Encoding.UTF8.GetString(ok.Body.Span));
        var dialog = handler.AcceptedDialog!;
        Assert.Same(dialog, harness.Core.Dialogs.Find(ok.CallId!, ok.To!.Tag!, "ph-tag"));
        Assert.Equal(phone.ContactUri, dialog.RemoteTarget.ToString());
        Assert.Equal(DialogState.Confirmed, dialog.State);
    }

    [Fact]
    public async Task The_2xx_is_retransmitted_until_the_ACK_arrives()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = RecordingInviteHandler.Answering(harness.Core);
        harness.Core.InviteHandler = handler;
        var phone = harness.NewPhone();
        var (invite, ok) = await AnsweredCallAsync(phone);

        harness.RunFor(T1);
        var firstRetransmission = await phone.Phone.ReceiveResponseAsync();
        harness.RunFor(2 * T1);
        var secondRetransmission = await phone.Phone.ReceiveResponseAsync();
        phone.Phone.Send(phone.Ack(invite, ok));
        await phone.Phone.SyncAsync();
        harness.RunFor(TimeSpan.FromSeconds(40));

        Assert.Equal(ok.ToString(), firstRetransmission.ToString());
        Assert.Equal(ok.ToString(), secondRetransmission.ToString());
        await phone.Phone.AssertNothingSentAsync();
        Assert.Equal(["invite 1001", "ack"], handler.Events);
        Assert.Equal(1, harness.Core.Dialogs.Count);
    }

    [Fact]
    public async Task An_ACK_repeated_for_a_retransmitted_2xx_is_reported_once()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = RecordingInviteHandler.Answering(harness.Core);
        harness.Core.InviteHandler = handler;
        var phone = harness.NewPhone();
        var (invite, ok) = await AnsweredCallAsync(phone);

        harness.RunFor(T1);
        var retransmitted = await phone.Phone.ReceiveResponseAsync();
        phone.Phone.Send(phone.Ack(invite, ok));
        phone.Phone.Send(phone.Ack(invite, retransmitted));
        await phone.Phone.SyncAsync();

        Assert.Equal(["invite 1001", "ack"], handler.Events);
    }

    [Fact]
    public async Task Without_an_ACK_the_dialog_is_ended_with_a_BYE_at_64_T1_and_the_handler_told_once()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = RecordingInviteHandler.Answering(harness.Core);
        harness.Core.InviteHandler = handler;
        var phone = harness.NewPhone();
        var (invite, ok) = await AnsweredCallAsync(phone);

        harness.RunFor(64 * T1);
        var sent = await phone.Phone.SyncAsync();

        var bye = Assert.Single(sent.OfType<SipRequest>());
        Assert.Equal(SipMethods.Bye, bye.Method);
        Assert.Equal(phone.ContactUri, bye.RequestUriText);
        Assert.Equal(invite.CallId, bye.CallId);
        Assert.Equal(ok.To!.Tag, bye.From!.Tag);
        Assert.Equal("ph-tag", bye.To!.Tag);
        Assert.All(sent.OfType<SipResponse>(), r => Assert.Equal(200, r.StatusCode));
        Assert.Equal(["invite 1001", "ended no ACK"], handler.Events);
        Assert.Equal(0, harness.Core.Dialogs.Count);
        Assert.Equal(DialogState.Terminated, handler.AcceptedDialog!.State);

        phone.Phone.Send(phone.Answer(bye, 200, toTag: null));
        await phone.Phone.AssertNothingSentAsync();
    }

    [Fact]
    public async Task A_BYE_from_the_caller_is_answered_200_and_ends_the_dialog()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = RecordingInviteHandler.Answering(harness.Core);
        harness.Core.InviteHandler = handler;
        var phone = harness.NewPhone();
        var (invite, ok) = await AnsweredCallAsync(phone);
        phone.Phone.Send(phone.Ack(invite, ok));

        var byeOk = await phone.Phone.SendAndGetFinalAsync(phone.InDialog(SipMethods.Bye, invite, ok, cseq: 3));
        await phone.Phone.SyncAsync();
        var late = await phone.Phone.SendAndGetFinalAsync(phone.InDialog(SipMethods.Info, invite, ok, cseq: 4));

        Assert.Equal(200, byeOk.StatusCode);
        Assert.Equal(["invite 1001", "ack", "ended BYE from peer"], handler.Events);
        Assert.Equal(0, harness.Core.Dialogs.Count);
        Assert.Equal(481, late.StatusCode);
    }

    [Fact]
    public async Task A_BYE_before_the_ACK_also_stops_the_2xx_retransmissions()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = RecordingInviteHandler.Answering(harness.Core);
        harness.Core.InviteHandler = handler;
        var phone = harness.NewPhone();
        var (invite, ok) = await AnsweredCallAsync(phone);

        Assert.Equal(200, (await phone.Phone.SendAndGetFinalAsync(phone.InDialog(SipMethods.Bye, invite, ok, cseq: 3))).StatusCode);
        harness.RunFor(TimeSpan.FromSeconds(40));

        await phone.Phone.AssertNothingSentAsync();
        Assert.Equal(["invite 1001", "ended BYE from peer"], handler.Events);
    }

    [Fact]
    public async Task A_request_with_a_CSeq_lower_than_the_last_one_gets_500()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = RecordingInviteHandler.Answering(harness.Core);
        harness.Core.InviteHandler = handler;
        var phone = harness.NewPhone();
        var (invite, ok) = await AnsweredCallAsync(phone);
        phone.Phone.Send(phone.Ack(invite, ok));

        var info = await phone.Phone.SendAndGetFinalAsync(phone.InDialog(SipMethods.Info, invite, ok, cseq: 10));
        var older = await phone.Phone.SendAndGetFinalAsync(phone.InDialog(SipMethods.Info, invite, ok, cseq: 9));

        Assert.Equal(200, info.StatusCode);
        Assert.Equal(500, older.StatusCode);
        Assert.Equal(["invite 1001", "ack", "in-dialog INFO"], handler.Events);
        Assert.Equal(1, harness.Core.Dialogs.Count);
    }

    [Fact]
    public async Task A_re_INVITE_refreshes_the_remote_target_before_the_handler_sees_it()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = RecordingInviteHandler.Answering(harness.Core);
        harness.Core.InviteHandler = handler;
        var phone = harness.NewPhone();
        var (invite, ok) = await AnsweredCallAsync(phone);
        phone.Phone.Send(phone.Ack(invite, ok));
        string? targetSeenByHandler = null;
        handler.WhenInDialogRequest = (dialog, transaction) =>
        {
            targetSeenByHandler = dialog.RemoteTarget.ToString();
            transaction.Respond(transaction.CreateResponse(488));
        };

        var reInvite = phone.InDialog(SipMethods.Invite, invite, ok, cseq: 3, extraHeaders: $"Contact: <sip:1001@{phone.Phone.HostPort};transport=udp;moved>\r\n", body: Softphone.Sdp);
        var answer = await phone.Phone.SendAndGetFinalAsync(reInvite);

        Assert.Equal(488, answer.StatusCode);
        Assert.Equal($"sip:1001@{phone.Phone.HostPort};transport=udp;moved", targetSeenByHandler);
        Assert.Equal(["invite 1001", "ack", "in-dialog INVITE"], handler.Events);
    }

    [Fact]
    public async Task The_default_handler_answers_INFO_200_and_a_re_INVITE_488()
    {
        await using var harness = await CoreHarness.StartAsync();
        var phone = harness.NewPhone();
        var answering = RecordingInviteHandler.Answering(harness.Core);
        harness.Core.InviteHandler = answering;
        var (invite, ok) = await AnsweredCallAsync(phone);
        phone.Phone.Send(phone.Ack(invite, ok));
        await phone.Phone.SyncAsync();
        harness.Core.InviteHandler = RefuseCallsHandler.Instance;

        var info = await phone.Phone.SendAndGetFinalAsync(phone.InDialog(SipMethods.Info, invite, ok, cseq: 3));
        var reInvite = await phone.Phone.SendAndGetFinalAsync(phone.InDialog(SipMethods.Invite, invite, ok, cseq: 4, body: Softphone.Sdp));

        Assert.Equal(200, info.StatusCode);
        Assert.Equal(488, reInvite.StatusCode);
    }

    [Fact]
    public async Task A_CANCEL_gets_200_the_INVITE_487_and_the_handler_is_told()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = new RecordingInviteHandler
        {
            WhenInvite = (invite, _) => invite.Respond(invite.CreateResponse(180)),
        };
        harness.Core.InviteHandler = handler;
        var phone = harness.NewPhone();
        var invite = await SendAuthenticatedInviteAsync(phone);
        var ringing = await phone.Phone.ReceiveResponseAsync();
        Assert.Equal(180, ringing.StatusCode);

        phone.Phone.Send(phone.Cancel(invite));
        var cancelOk = await phone.Phone.ReceiveMatchingAsync<SipResponse>(r => r.CSeq!.Method == SipMethods.Cancel);
        var terminated = await phone.Phone.ReceiveMatchingAsync<SipResponse>(r => r.CSeq!.Method == SipMethods.Invite);

        Assert.Equal(200, cancelOk.StatusCode);
        Assert.Equal(487, terminated.StatusCode);
        Assert.Equal(ringing.To!.Tag, terminated.To!.Tag);
        Assert.Equal(["invite 1001", "cancelled"], handler.Events);

        phone.Phone.Send(phone.Ack(invite, terminated));
        Assert.Null(harness.Core.Accept(handler.LastInvite!, handler.LastInvite!.CreateResponse(200)));
        Assert.Equal(0, harness.Core.Dialogs.Count);
        await phone.Phone.AssertNothingSentAsync();
    }

    [Fact]
    public async Task A_CANCEL_after_the_answer_changes_nothing()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = RecordingInviteHandler.Answering(harness.Core);
        harness.Core.InviteHandler = handler;
        var phone = harness.NewPhone();
        var (invite, ok) = await AnsweredCallAsync(phone);
        phone.Phone.Send(phone.Ack(invite, ok));

        var cancelAnswer = await phone.Phone.SendAndGetFinalAsync(phone.Cancel(invite));

        // §9.2: the INVITE transaction still exists, so the CANCEL is answered 200, but it has no effect.
        Assert.Equal(200, cancelAnswer.StatusCode);
        await phone.Phone.AssertNothingSentAsync();
        Assert.Equal(["invite 1001", "ack"], handler.Events);
        Assert.Equal(1, harness.Core.Dialogs.Count);
    }

    [Fact]
    public async Task Accepting_an_INVITE_without_Contact_answers_400_and_makes_no_dialog()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = RecordingInviteHandler.Answering(harness.Core);
        harness.Core.InviteHandler = handler;
        var phone = harness.NewPhone();
        var first = phone.Invite(withContact: false);
        var challenge = await phone.Phone.SendAndGetFinalAsync(first);
        phone.Phone.Send(phone.Ack(first, challenge));

        var final = await phone.Phone.SendAndGetFinalAsync(phone.Invite(cseq: 2, withContact: false, authorization: phone.Authorize(challenge, first)));

        Assert.Equal(400, final.StatusCode);
        Assert.Null(handler.AcceptedDialog);
        Assert.Equal(0, harness.Core.Dialogs.Count);
    }

    [Fact]
    public async Task Accept_takes_only_a_2xx()
    {
        await using var harness = await CoreHarness.StartAsync();
        var handler = new RecordingInviteHandler();
        harness.Core.InviteHandler = handler;
        var phone = harness.NewPhone();
        await SendAuthenticatedInviteAsync(phone);
        await phone.Phone.SyncAsync();

        Assert.Throws<ArgumentException>(() => harness.Core.Accept(handler.LastInvite!, handler.LastInvite!.CreateResponse(486)));
    }

    /// <summary>INVITE, 401, ACK, INVITE with credentials; returns the final response to the second INVITE.</summary>
    private static async Task<SipResponse> AuthenticatedInviteAsync(Softphone phone)
    {
        var invite = await SendAuthenticatedInviteAsync(phone);
        while (true)
        {
            var response = await phone.Phone.ReceiveMatchingAsync<SipResponse>(r => r.CSeq == invite.CSeq);
            if (!response.IsProvisional)
            {
                return response;
            }
        }
    }

    private static async Task<SipRequest> SendAuthenticatedInviteAsync(Softphone phone)
    {
        var first = phone.Invite(cseq: 1);
        var challenge = await phone.Phone.SendAndGetFinalAsync(first);
        Assert.Equal(401, challenge.StatusCode);
        phone.Phone.Send(phone.Ack(first, challenge));
        var second = phone.Invite(cseq: 2, authorization: phone.Authorize(challenge, first));
        phone.Phone.Send(second);
        return second;
    }

    private static async Task<(SipRequest Invite, SipResponse Ok)> AnsweredCallAsync(Softphone phone)
    {
        var invite = await SendAuthenticatedInviteAsync(phone);
        var ok = await phone.Phone.ReceiveMatchingAsync<SipResponse>(r => r.CSeq == invite.CSeq && r.StatusCode == 200);
        return (invite, ok);
    }
}
