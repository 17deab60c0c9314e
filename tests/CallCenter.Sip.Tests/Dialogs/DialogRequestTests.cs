using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using static CallCenter.Sip.Tests.Dialogs.DialogMessages;

namespace CallCenter.Sip.Tests.Dialogs;

/// <summary>Requests within a dialog (RFC 3261 §12.2.1.1), remote sequence rules and target refresh (§12.2.2).</summary>
public sealed class DialogRequestTests
{
    private static readonly ViaHeader OurVia = new("UDP", "198.51.100.1", 5060, "z9hG4bKour1");

    [Fact]
    public void A_UAC_request_goes_to_the_remote_target_with_the_route_set_in_order()
    {
        var dialog = UacDialog("Record-Route: <sip:ss2.biloxi.example.com;lr>\r\nRecord-Route: <sip:ss1.atlanta.example.com;lr>\r\n");

        var bye = dialog.CreateRequest(SipMethods.Bye, OurVia, contact: null);

        Assert.Equal("BYE sip:bob@192.0.2.4 SIP/2.0", StartLine(bye));
        Assert.Equal(["<sip:ss1.atlanta.example.com;lr>", "<sip:ss2.biloxi.example.com;lr>"], bye.Headers.ValuesOf(KnownHeader.Route));
        Assert.Equal("sip:alice@atlanta.example.com", bye.From!.Uri.ToString());
        Assert.Equal("1928301774", bye.From.Tag);
        Assert.Equal("sip:bob@biloxi.example.com", bye.To!.Uri.ToString());
        Assert.Equal("a6c85cf", bye.To.Tag);
        Assert.Equal("a84b4c76e66710@198.51.100.1", bye.CallId);
        Assert.Equal(new CSeqHeader(2, SipMethods.Bye), bye.CSeq);
        Assert.Equal("z9hG4bKour1", bye.TopVia!.Branch);
        Assert.Equal(70, bye.MaxForwards);
        Assert.False(bye.Headers.Contains(KnownHeader.Contact));
        Assert.Null(SipMessageValidator.Validate(Reparse<SipRequest>(bye)));
    }

    [Fact]
    public void A_UAS_request_swaps_the_roles_of_From_and_To()
    {
        var invite = InviteFromAlice("Record-Route: <sip:ss2.biloxi.example.com;lr>\r\nRecord-Route: <sip:ss1.atlanta.example.com;lr>\r\n");
        var dialog = DialogFactory.CreateUas(invite, ResponseFactory.Create(invite, 200, toTag: "bob-tag"), AlicePhone)!;

        var bye = dialog.CreateRequest(SipMethods.Bye, OurVia, contact: null);

        Assert.Equal("BYE sip:alice@pc33.atlanta.example.com SIP/2.0", StartLine(bye));
        Assert.Equal(["<sip:ss2.biloxi.example.com;lr>", "<sip:ss1.atlanta.example.com;lr>"], bye.Headers.ValuesOf(KnownHeader.Route));
        Assert.Equal(("sip:bob@biloxi.example.com", "bob-tag"), (bye.From!.Uri.ToString(), bye.From.Tag));
        Assert.Equal(("sip:alice@atlanta.example.com", "1928301774"), (bye.To!.Uri.ToString(), bye.To.Tag));
        Assert.Equal(1, bye.CSeq!.Number);
    }

    [Fact]
    public void A_dialog_without_a_route_set_sends_no_Route()
    {
        var bye = UacDialog().CreateRequest(SipMethods.Bye, OurVia, contact: null);

        Assert.False(bye.Headers.Contains(KnownHeader.Route));
    }

    [Fact]
    public void Each_new_request_takes_the_next_CSeq_but_ACK_and_CANCEL_keep_the_INVITE_number()
    {
        var dialog = UacDialog(cseq: 10);

        var ack = dialog.CreateRequest(SipMethods.Ack, OurVia, null, cseqOverride: 10);
        var info = dialog.CreateRequest(SipMethods.Info, OurVia, null);
        var reInvite = dialog.CreateRequest(SipMethods.Invite, OurVia, "<sip:alice@198.51.100.1:5060>");
        var reInviteAck = dialog.CreateRequest(SipMethods.Ack, OurVia, null, cseqOverride: reInvite.CSeq!.Number);
        var cancel = dialog.CreateRequest(SipMethods.Cancel, OurVia, null, cseqOverride: reInvite.CSeq.Number);
        var bye = dialog.CreateRequest(SipMethods.Bye, OurVia, null);

        Assert.Equal(new CSeqHeader(10, SipMethods.Ack), ack.CSeq);
        Assert.Equal(new CSeqHeader(11, SipMethods.Info), info.CSeq);
        Assert.Equal(new CSeqHeader(12, SipMethods.Invite), reInvite.CSeq);
        Assert.Equal(new CSeqHeader(12, SipMethods.Ack), reInviteAck.CSeq);
        Assert.Equal(new CSeqHeader(12, SipMethods.Cancel), cancel.CSeq);
        Assert.Equal(new CSeqHeader(13, SipMethods.Bye), bye.CSeq);
        Assert.Equal(13, dialog.LocalSeq);
        Assert.Equal("<sip:alice@198.51.100.1:5060>", reInvite.Headers[KnownHeader.Contact]);
    }

    [Fact]
    public void Concurrent_requests_never_share_a_CSeq()
    {
        var dialog = UacDialog(cseq: 1);

        var numbers = new long[200];
        Parallel.For(0, numbers.Length, i => numbers[i] = dialog.CreateRequest(SipMethods.Info, OurVia, null).CSeq!.Number);

        Assert.Equal(Enumerable.Range(2, 200).Select(n => (long)n), numbers.Order());
    }

    [Fact]
    public void A_lower_remote_CSeq_is_out_of_order_while_equal_and_higher_ones_are_accepted()
    {
        var invite = InviteFromAlice(cseq: 100);
        var dialog = DialogFactory.CreateUas(invite, ResponseFactory.Create(invite, 200, toTag: "t"), AlicePhone)!;

        Assert.False(dialog.TryAcceptRemoteSeq(99));
        Assert.Equal(100, dialog.RemoteSeq);
        Assert.True(dialog.TryAcceptRemoteSeq(100));
        Assert.True(dialog.TryAcceptRemoteSeq(105));
        Assert.Equal(105, dialog.RemoteSeq);
        Assert.False(dialog.TryAcceptRemoteSeq(101));
    }

    [Fact]
    public void The_first_request_from_the_peer_sets_an_empty_remote_sequence()
    {
        var dialog = UacDialog();

        Assert.True(dialog.TryAcceptRemoteSeq(7));

        Assert.Equal(7, dialog.RemoteSeq);
        Assert.False(dialog.TryAcceptRemoteSeq(6));
    }

    [Fact]
    public void A_target_refresh_replaces_the_remote_target_for_later_requests()
    {
        var dialog = UacDialog();
        var reInvite = Parse<SipRequest>(
            "INVITE sip:alice@198.51.100.1:5060 SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKre1\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf\r\n" +
            "To: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r\n" +
            "Call-ID: a84b4c76e66710@198.51.100.1\r\n" +
            "CSeq: 1 INVITE\r\n" +
            "Contact: <sip:bob@203.0.113.44:5070;transport=tcp>\r\n" +
            "Content-Length: 0\r\n\r\n");

        dialog.RefreshTarget(reInvite);

        Assert.Equal("sip:bob@203.0.113.44:5070;transport=tcp", dialog.RemoteTarget.ToString());
        Assert.Equal("BYE sip:bob@203.0.113.44:5070;transport=tcp SIP/2.0", StartLine(dialog.CreateRequest(SipMethods.Bye, OurVia, null)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Contact: <sip:a@192.0.2.1>, <sip:b@192.0.2.2>\r\n")]
    [InlineData("Contact: *\r\n")]
    public void A_request_without_exactly_one_Contact_leaves_the_target_alone(string contactLine)
    {
        var dialog = UacDialog();
        var update = Parse<SipRequest>(
            "UPDATE sip:alice@198.51.100.1:5060 SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKup1\r\n" +
            "From: <sip:bob@biloxi.example.com>;tag=a6c85cf\r\n" +
            "To: <sip:alice@atlanta.example.com>;tag=1928301774\r\n" +
            "Call-ID: a84b4c76e66710@198.51.100.1\r\n" +
            "CSeq: 2 UPDATE\r\n" +
            contactLine +
            "Content-Length: 0\r\n\r\n");

        dialog.RefreshTarget(update);

        Assert.Equal("sip:bob@192.0.2.4", dialog.RemoteTarget.ToString());
    }

    [Fact]
    public void Each_INVITE_is_acknowledged_once()
    {
        var dialog = UacDialog();

        Assert.True(dialog.TryAcceptAck(1));
        Assert.False(dialog.TryAcceptAck(1));
        Assert.True(dialog.TryAcceptAck(3));
        Assert.False(dialog.TryAcceptAck(2));
    }

    [Fact]
    public void DialogId_prints_the_CallId_and_both_tags()
    {
        Assert.Equal("c@h;local=l;remote=r", new DialogId("c@h", "l", "r").ToString());
    }

    private static Dialog UacDialog(string recordRoute = "", long cseq = 1)
    {
        var invite = InviteToBob(cseq);
        return DialogFactory.CreateUac(invite, AnswerFromBob(invite, recordRoute: recordRoute), AlicePhone)!;
    }

    private static string StartLine(SipRequest request) => request.ToString().Split("\r\n")[0];
}
