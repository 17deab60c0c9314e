using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using static CallCenter.Sip.Tests.Transactions.TransactionHarness;

namespace CallCenter.Sip.Tests.Transactions;

public class DrainTests
{
    private static readonly SipRemote Peer = TestMessages.PeerUdp;

    [Fact]
    public async Task Stopping_with_nothing_live_completes_at_once()
    {
        var h = new TransactionHarness();

        await h.Layer.StopAcceptingAsync(S(60), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(h.Layer.IsStopping);
    }

    [Fact]
    public async Task Stopping_waits_until_live_transactions_have_ended()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options), Peer);
        var server = Assert.Single(h.User.Requests);
        var outgoing = TestMessages.Outbound(SipMethods.Options);
        h.Layer.SendRequest(outgoing, Peer);

        var drained = h.Layer.StopAcceptingAsync(S(60), CancellationToken.None);
        Assert.False(drained.IsCompleted);

        server.Respond(server.CreateResponse(200));
        h.Layer.OnResponse(TestMessages.ResponseTo(outgoing, 200), Peer);
        h.RunFor(S(31));
        Assert.False(drained.IsCompleted);
        h.RunFor(S(1));

        await drained.WaitAsync(TimeSpan.FromSeconds(10));
        h.AssertTablesEmpty();
    }

    [Fact]
    public void A_new_request_while_stopping_gets_503_with_retry_after_and_no_transaction()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options, branch: "z9hG4bKlive"), Peer);
        _ = h.Layer.StopAcceptingAsync(S(120), CancellationToken.None);

        h.Layer.OnRequest(TestMessages.Inbound(branch: "z9hG4bKnew", callId: "late-call"), Peer);

        var sent = Assert.Single(h.Sender.Sent);
        Assert.Equal(503, sent.Response.StatusCode);
        Assert.Equal("120", sent.Response.Headers[KnownHeader.RetryAfter]);
        Assert.NotNull(sent.Response.To!.Tag);
        Assert.Equal(Peer, sent.Destination);
        Assert.Single(h.User.Requests);
        Assert.Equal(1, h.Layer.ServerTransactionCount);
        Assert.Equal(1, h.Layer.Counters.RejectedWhileStopping);
    }

    [Fact]
    public void The_default_retry_after_is_used_when_none_is_given()
    {
        var h = new TransactionHarness();
        _ = h.Layer.StopAcceptingAsync();

        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options), Peer);

        Assert.Equal("30", Assert.Single(h.Sender.Sent).Response.Headers[KnownHeader.RetryAfter]);
    }

    [Fact]
    public void Live_transactions_still_get_retransmissions_cancels_and_acks_while_stopping()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Inbound();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(180));
        h.User.WhenCancel = (tx, _) => tx.Respond(tx.CreateResponse(487));
        h.Layer.OnRequest(invite, Peer);
        _ = h.Layer.StopAcceptingAsync(S(60), CancellationToken.None);

        h.Layer.OnRequest(TestMessages.Inbound(), Peer);
        h.Layer.OnRequest(TestMessages.CancelFor(invite), Peer);
        h.Layer.OnRequest(TestMessages.AckFor(invite, h.Sender.Responses(487)[0].Response), Peer);

        Assert.Equal([180, 180, 200, 487], h.Sender.Sent.Select(s => s.Response.StatusCode));
        Assert.Equal(TransactionState.Confirmed, Assert.Single(h.User.Requests).State);
        Assert.Equal(0, h.Layer.Counters.RejectedWhileStopping);
    }

    [Fact]
    public async Task The_wait_can_be_cancelled()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options), Peer);
        using var cancellation = new CancellationTokenSource();

        var drained = h.Layer.StopAcceptingAsync(S(60), cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => drained);
        Assert.Equal(1, h.Layer.ServerTransactionCount);
    }

    [Fact]
    public async Task Stopping_twice_waits_for_the_same_drain()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options, transport: "TCP"), TestMessages.PeerTcp);
        var first = h.Layer.StopAcceptingAsync(S(10), CancellationToken.None);
        var second = h.Layer.StopAcceptingAsync(S(99), CancellationToken.None);

        var tx = Assert.Single(h.User.Requests);
        tx.Respond(tx.CreateResponse(200));

        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options, branch: "z9hG4bKafter"), Peer);
        Assert.Equal("10", h.Sender.Responses(503)[0].Response.Headers[KnownHeader.RetryAfter]);
    }
}
