using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using static CallCenter.Sip.Tests.Dialogs.DialogMessages;

namespace CallCenter.Sip.Tests.Dialogs;

/// <summary>Dialog creation, RFC 3261 §12.1.1 (UAS) and §12.1.2 (UAC).</summary>
public sealed class DialogFactoryTests
{
    private const string TwoProxies =
        "Record-Route: <sip:ss2.biloxi.example.com;lr>\r\n" +
        "Record-Route: <sip:ss1.atlanta.example.com;lr>\r\n";

    [Fact]
    public void The_UAS_takes_its_state_from_the_INVITE_and_its_own_2xx()
    {
        var invite = InviteFromAlice(TwoProxies);
        var ok = ResponseFactory.Create(invite, 200, toTag: "bob-tag");

        var dialog = DialogFactory.CreateUas(invite, ok, AlicePhone)!;

        Assert.Equal(new DialogId("a84b4c76e66710@pc33.atlanta.example.com", "bob-tag", "1928301774"), dialog.Id);
        Assert.False(dialog.IsUac);
        Assert.Equal("sip:bob@biloxi.example.com", dialog.LocalUri.ToString());
        Assert.Equal("sip:alice@atlanta.example.com", dialog.RemoteUri.ToString());
        Assert.Equal("sip:alice@pc33.atlanta.example.com", dialog.RemoteTarget.ToString());
        Assert.Equal(["<sip:ss2.biloxi.example.com;lr>", "<sip:ss1.atlanta.example.com;lr>"], dialog.RouteSet);
        Assert.Equal(314159, dialog.RemoteSeq);
        Assert.Equal(0, dialog.LocalSeq);
        Assert.Equal(AlicePhone, dialog.Peer);
        Assert.Equal(DialogState.Confirmed, dialog.State);
    }

    [Fact]
    public void The_UAS_keeps_the_route_set_order_of_a_comma_separated_Record_Route()
    {
        var invite = InviteFromAlice("Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>\r\nRecord-Route: <sip:p3.example.com;lr>\r\n");

        var dialog = DialogFactory.CreateUas(invite, ResponseFactory.Create(invite, 200, toTag: "t"), AlicePhone)!;

        Assert.Equal(["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>", "<sip:p3.example.com;lr>"], dialog.RouteSet);
    }

    [Fact]
    public void A_provisional_response_with_a_tag_makes_an_early_dialog()
    {
        var invite = InviteFromAlice();

        var dialog = DialogFactory.CreateUas(invite, ResponseFactory.Create(invite, 180, toTag: "t"), AlicePhone)!;

        Assert.Equal(DialogState.Early, dialog.State);
        Assert.Empty(dialog.RouteSet);
    }

    [Fact]
    public void The_UAS_needs_a_From_tag_a_Contact_and_a_To_tag_in_its_response()
    {
        var noContact = InviteFromAlice(contact: "");
        var noFromTag = Parse<SipRequest>(InviteFromAlice().ToString().Replace(";tag=1928301774", string.Empty));
        var invite = InviteFromAlice();

        Assert.Null(DialogFactory.CreateUas(noContact, ResponseFactory.Create(noContact, 200, toTag: "t"), AlicePhone));
        Assert.Null(DialogFactory.CreateUas(noFromTag, ResponseFactory.Create(noFromTag, 200, toTag: "t"), AlicePhone));
        Assert.Null(DialogFactory.CreateUas(invite, ResponseFactory.Create(invite, 200), AlicePhone));
    }

    [Fact]
    public void The_UAC_reverses_the_Record_Route_of_the_response()
    {
        var invite = InviteToBob(cseq: 42);
        var ok = AnswerFromBob(invite, recordRoute: TwoProxies);

        var dialog = DialogFactory.CreateUac(invite, ok, AlicePhone)!;

        Assert.Equal(["<sip:ss1.atlanta.example.com;lr>", "<sip:ss2.biloxi.example.com;lr>"], dialog.RouteSet);
        Assert.Equal(new DialogId("a84b4c76e66710@198.51.100.1", "1928301774", "a6c85cf"), dialog.Id);
        Assert.True(dialog.IsUac);
        Assert.Equal("sip:alice@atlanta.example.com", dialog.LocalUri.ToString());
        Assert.Equal("sip:bob@biloxi.example.com", dialog.RemoteUri.ToString());
        Assert.Equal("sip:bob@192.0.2.4", dialog.RemoteTarget.ToString());
        Assert.Equal(42, dialog.LocalSeq);
        Assert.Null(dialog.RemoteSeq);
        Assert.Equal(DialogState.Confirmed, dialog.State);
    }

    [Fact]
    public void The_UAC_reverses_a_comma_separated_Record_Route_element_by_element()
    {
        var invite = InviteToBob();
        var ok = AnswerFromBob(invite, recordRoute: "Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>\r\nRecord-Route: <sip:p3.example.com;lr>\r\n");

        var dialog = DialogFactory.CreateUac(invite, ok, AlicePhone)!;

        Assert.Equal(["<sip:p3.example.com;lr>", "<sip:p2.example.com;lr>", "<sip:p1.example.com;lr>"], dialog.RouteSet);
    }

    [Fact]
    public void The_UAC_needs_a_To_tag_and_a_Contact_in_the_response()
    {
        var invite = InviteToBob();

        Assert.Null(DialogFactory.CreateUac(invite, AnswerFromBob(invite, contact: ""), AlicePhone));
        Assert.Null(DialogFactory.CreateUac(invite, Reparse<SipResponse>(ResponseFactory.Create(invite, 200)), AlicePhone));
        Assert.Equal(DialogState.Early, DialogFactory.CreateUac(invite, AnswerFromBob(invite, status: 183), AlicePhone)!.State);
    }
}
