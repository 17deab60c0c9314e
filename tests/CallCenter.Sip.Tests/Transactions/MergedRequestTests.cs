using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using static CallCenter.Sip.Tests.Transactions.TransactionHarness;

namespace CallCenter.Sip.Tests.Transactions;

public class MergedRequestTests
{
    private static readonly SipRemote FirstPath = TestMessages.PeerUdp;

    private static readonly SipRemote SecondPath =
        new(FirstPath.Transport, new System.Net.IPEndPoint(System.Net.IPAddress.Parse("192.0.2.77"), 5060));

    [Fact]
    public void The_same_request_arriving_by_a_second_branch_is_answered_482()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TestMessages.Inbound(branch: "z9hG4bKpathA"), FirstPath);

        h.Layer.OnRequest(TestMessages.Inbound(branch: "z9hG4bKpathB", sentBy: "192.0.2.77:5060"), SecondPath);

        var sent = Assert.Single(h.Sender.Sent);
        Assert.Equal(482, sent.Response.StatusCode);
        Assert.Equal(SecondPath, sent.Destination);
        Assert.Equal("z9hG4bKpathB", sent.Response.TopVia!.Branch);
        Assert.NotNull(sent.Response.To!.Tag);
        Assert.Single(h.User.Requests);
        Assert.Equal(1, h.Layer.Counters.MergedRequests);
    }

    [Fact]
    public void A_retransmission_of_the_merged_request_gets_the_482_again()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Message, branch: "z9hG4bKpathA"), FirstPath);
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Message, branch: "z9hG4bKpathB", sentBy: "192.0.2.77:5060"), SecondPath);

        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Message, branch: "z9hG4bKpathB", sentBy: "192.0.2.77:5060"), SecondPath);

        Assert.Equal([482, 482], h.Sender.Sent.Select(s => s.Response.StatusCode));
        Assert.Equal(1, h.Layer.Counters.MergedRequests);
        Assert.Single(h.User.Requests);
    }

    [Fact]
    public void Requests_inside_a_dialog_are_never_treated_as_merged()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Bye, branch: "z9hG4bKbye1", toTag: "dialog"), FirstPath);

        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Bye, branch: "z9hG4bKbye2", toTag: "dialog"), FirstPath);

        Assert.Equal(2, h.User.Requests.Count);
        Assert.Empty(h.Sender.Sent);
    }

    [Fact]
    public void A_different_cseq_or_from_tag_is_a_new_request()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options, branch: "z9hG4bKa"), FirstPath);

        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options, branch: "z9hG4bKb", cseq: 2), FirstPath);
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options, branch: "z9hG4bKc", fromTag: "other"), FirstPath);

        Assert.Equal(3, h.User.Requests.Count);
        Assert.Empty(h.Sender.Sent);
    }

    [Fact]
    public void Once_the_original_transaction_has_ended_the_same_identifiers_make_a_new_transaction()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options, branch: "z9hG4bKa", transport: "TCP"), TestMessages.PeerTcp);
        var first = Assert.Single(h.User.Requests);
        first.Respond(first.CreateResponse(200));
        h.AssertTablesEmpty();

        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options, branch: "z9hG4bKb", transport: "TCP"), TestMessages.PeerTcp);

        Assert.Equal(2, h.User.Requests.Count);
        Assert.Equal(0, h.Layer.Counters.MergedRequests);
    }

    [Fact]
    public void The_482_transaction_leaves_the_tables_with_its_timers()
    {
        var h = new TransactionHarness();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(486));
        var original = TestMessages.Inbound(branch: "z9hG4bKpathA");
        h.Layer.OnRequest(original, FirstPath);
        var merged = TestMessages.Inbound(branch: "z9hG4bKpathB", sentBy: "192.0.2.77:5060");
        h.Layer.OnRequest(merged, SecondPath);

        h.Layer.OnRequest(TestMessages.AckFor(original, h.Sender.Sent[0].Response), FirstPath);
        h.Layer.OnRequest(TestMessages.AckFor(merged, h.Sender.Responses(482)[0].Response), SecondPath);
        h.RunFor(S(6));

        Assert.Empty(h.User.Of(nameof(ITransactionUser.OnAck)));
        h.AssertTablesEmpty();
    }
}
