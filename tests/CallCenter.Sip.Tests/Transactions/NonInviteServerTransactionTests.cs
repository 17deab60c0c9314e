using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using static CallCenter.Sip.Tests.Transactions.TransactionHarness;

namespace CallCenter.Sip.Tests.Transactions;

public class NonInviteServerTransactionTests
{
    private static readonly SipRemote PeerUdp = TestMessages.PeerUdp;
    private static readonly SipRemote PeerTcp = TestMessages.PeerTcp;

    private static SipRequest Options() => TestMessages.Inbound(SipMethods.Options, branch: "z9hG4bKopt1");

    [Fact]
    public void A_new_request_reaches_the_user_in_trying_and_its_retransmission_is_discarded()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(Options(), PeerUdp);
        var tx = Assert.Single(h.User.Requests);
        Assert.Equal(TransactionKind.NonInviteServer, tx.Kind);
        Assert.Equal(TransactionState.Trying, tx.State);
        Assert.Equal(PeerUdp, tx.Source);

        h.Layer.OnRequest(Options(), PeerUdp);
        h.RunFor(S(60));

        Assert.Empty(h.Sender.Sent);
        Assert.Single(h.User.Requests);
        Assert.Equal(1, h.Layer.Counters.AbsorbedRetransmissions);
        Assert.Equal(1, h.Layer.ServerTransactionCount);
    }

    [Fact]
    public void Proceeding_answers_a_retransmission_with_the_last_provisional()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(Options(), PeerUdp);
        var tx = Assert.Single(h.User.Requests);
        tx.Respond(tx.CreateResponse(100));
        Assert.Equal(TransactionState.Proceeding, tx.State);

        h.Layer.OnRequest(Options(), PeerUdp);

        Assert.Equal([100, 100], h.Sender.Sent.Select(s => s.Response.StatusCode));
    }

    [Fact]
    public void Completed_answers_retransmissions_with_the_final_and_udp_timer_J_ends_it()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(Options(), PeerUdp);
        var tx = Assert.Single(h.User.Requests);
        var ok = tx.CreateResponse(200);

        Assert.True(tx.Respond(ok));
        h.RunFor(S(3));
        h.Layer.OnRequest(Options(), PeerUdp);

        Assert.Equal(TransactionState.Completed, tx.State);
        Assert.Equal([S(0), S(3)], h.Sender.Sent.Select(s => s.At));
        // On UDP the final is serialised once, and those very bytes are what retransmissions re-send.
        Assert.All(h.Sender.Sent, s => Assert.Equal(ok.ToBytes(), s.Wire));

        h.RunUntil(S(32) - Ms(10));
        Assert.Equal(TransactionState.Completed, tx.State);
        h.RunFor(Ms(10));
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Empty(h.User.Failures);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void Tcp_final_response_terminates_at_once_because_timer_J_is_zero()
    {
        var h = new TransactionHarness();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(200));

        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options, transport: "TCP"), PeerTcp);

        Assert.Equal(TransactionState.Terminated, Assert.Single(h.User.Requests).State);
        Assert.Single(h.Sender.Sent);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void Respond_after_the_final_returns_false_and_sends_nothing()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(Options(), PeerUdp);
        var tx = Assert.Single(h.User.Requests);

        Assert.True(tx.Respond(tx.CreateResponse(404)));
        Assert.False(tx.Respond(tx.CreateResponse(200)));
        Assert.False(tx.Respond(tx.CreateResponse(100)));

        Assert.Equal([404], h.Sender.Sent.Select(s => s.Response.StatusCode));
    }

    [Fact]
    public void Transport_error_tells_the_user_and_terminates()
    {
        var h = new TransactionHarness();
        h.Sender.FailAll();
        h.Layer.OnRequest(Options(), PeerUdp);
        var tx = Assert.Single(h.User.Requests);

        tx.Respond(tx.CreateResponse(200));

        Assert.Equal(TransactionFailure.TransportError, Assert.Single(h.User.Failures).Failure);
        Assert.Equal(TransactionState.Terminated, tx.State);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void A_user_callback_that_throws_does_not_break_the_transaction()
    {
        var h = new TransactionHarness();
        h.User.WhenRequest = _ => throw new InvalidOperationException("bug in the core");

        h.Layer.OnRequest(Options(), PeerUdp);
        var tx = Assert.Single(h.User.Requests);

        Assert.True(tx.Respond(tx.CreateResponse(200)));
        Assert.Single(h.Sender.Sent);
    }

    [Fact]
    public void User_calls_made_from_inside_a_callback_are_delivered_after_it_returns()
    {
        var h = new TransactionHarness();
        var order = new List<string>();
        h.User.WhenRequest = tx =>
        {
            h.Sender.FailAll();
            tx.Respond(tx.CreateResponse(200));
            order.Add("request callback returned");
        };

        h.Layer.OnRequest(Options(), PeerUdp);
        order.Add(h.User.Failures.Count == 1 ? "failure delivered" : "failure missing");

        Assert.Equal(["request callback returned", "failure delivered"], order);
        Assert.Equal([nameof(ITransactionUser.OnRequest), nameof(ITransactionUser.OnFailure)], h.User.Events.Select(e => e.Kind));
    }

    [Fact]
    public void Termination_task_completes_after_the_transaction_left_the_tables()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options, transport: "TCP"), PeerTcp);
        var tx = Assert.Single(h.User.Requests);
        Assert.False(tx.Termination.IsCompleted);

        tx.Respond(tx.CreateResponse(200));

        Assert.True(tx.Termination.IsCompleted);
        h.AssertTablesEmpty();
    }
}
