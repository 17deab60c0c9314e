using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using static CallCenter.Sip.Tests.Transactions.TransactionHarness;

namespace CallCenter.Sip.Tests.Transactions;

/// <summary>§17.2.3 matching for requests whose branch lacks the magic cookie.</summary>
public class Rfc2543MatchingTests
{
    private static readonly SipRemote Peer = TestMessages.PeerUdp;

    [Theory]
    [InlineData(null)]
    [InlineData("1a2b3c")]
    public void A_retransmitted_invite_is_matched_on_uri_tags_call_id_cseq_and_via(string? branch)
    {
        var h = new TransactionHarness();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(180));
        h.Layer.OnRequest(TestMessages.Inbound(branch: branch), Peer);

        h.Layer.OnRequest(TestMessages.Inbound(branch: branch), Peer);

        Assert.Single(h.User.Requests);
        Assert.Equal([180, 180], h.Sender.Sent.Select(s => s.Response.StatusCode));
    }

    [Theory]
    [InlineData("sip:other@198.51.100.1", 1, "192.0.2.10:5060")]
    [InlineData("sip:queue@198.51.100.1", 2, "192.0.2.10:5060")]
    [InlineData("sip:queue@198.51.100.1", 1, "192.0.2.11:5060")]
    [InlineData("sip:queue@198.51.100.1", 1, "192.0.2.10:5070")]
    public void A_difference_in_uri_cseq_or_via_makes_a_new_transaction(string requestUri, long cseq, string sentBy)
    {
        var h = new TransactionHarness();
        // In-dialog (To tag) so that the §8.2.2.2 merge check stays out of the way.
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options, branch: null, toTag: "dlg"), Peer);

        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options, branch: null, toTag: "dlg", requestUri: requestUri, cseq: cseq, sentBy: sentBy), Peer);

        Assert.Equal(2, h.User.Requests.Count);
    }

    [Fact]
    public void The_same_fields_with_equivalent_uris_match()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options, branch: null, toTag: "dlg", requestUri: "sip:queue@pbx.example.com"), Peer);

        // §19.1.4: host comparison is case-insensitive.
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options, branch: null, toTag: "dlg", requestUri: "sip:queue@PBX.Example.COM"), Peer);

        Assert.Single(h.User.Requests);
    }

    [Fact]
    public void An_ack_matches_when_its_to_tag_is_the_tag_of_the_response_sent()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Inbound(branch: null);
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(486));
        h.Layer.OnRequest(invite, Peer);
        var tx = Assert.Single(h.User.Requests);
        var busy = h.Sender.Sent[0].Response;

        h.Layer.OnRequest(TestMessages.AckFor(invite, ResponseFactory.Create(invite, 486, toTag: "not-ours")), Peer);
        Assert.Equal(TransactionState.Completed, tx.State);
        h.Layer.OnRequest(TestMessages.AckFor(invite, busy), Peer);

        Assert.Equal(TransactionState.Confirmed, tx.State);
        var passedOn = Assert.Single(h.User.Of(nameof(ITransactionUser.OnAck)));
        Assert.Null(passedOn.Transaction);
    }

    [Fact]
    public void A_cancel_matches_the_legacy_invite_it_cancels()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Inbound(branch: null);
        h.Layer.OnRequest(invite, Peer);

        h.Layer.OnRequest(TestMessages.CancelFor(invite), Peer);
        h.Layer.OnRequest(TestMessages.CancelFor(invite), Peer);

        Assert.Equal([200, 200], h.Sender.Sent.Select(s => s.Response.StatusCode));
        Assert.Single(h.User.Of(nameof(ITransactionUser.OnCancel)));
        Assert.True(Assert.Single(h.User.Requests).IsCancelled);
    }

    [Fact]
    public void Legacy_transactions_leave_the_tables()
    {
        var h = new TransactionHarness();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(200));
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options, branch: null), Peer);
        h.Layer.OnRequest(TestMessages.Inbound(branch: null, callId: "call-2"), Peer);

        h.RunFor(S(32));

        h.AssertTablesEmpty();
    }

    [Fact]
    public void A_cookie_branch_never_matches_a_legacy_transaction()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options, branch: null, fromTag: "x"), Peer);

        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options, branch: "z9hG4bKnew", fromTag: "y"), Peer);

        Assert.Equal(2, h.User.Requests.Count);
    }
}
