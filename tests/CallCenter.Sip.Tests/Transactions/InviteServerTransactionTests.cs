using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using static CallCenter.Sip.Tests.Transactions.TransactionHarness;

namespace CallCenter.Sip.Tests.Transactions;

public class InviteServerTransactionTests
{
    private static readonly SipRemote CallerUdp = TestMessages.PeerUdp;
    private static readonly SipRemote CallerTcp = TestMessages.PeerTcp;

    [Fact]
    public void Sends_100_trying_after_200_ms_when_the_user_has_not_answered()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Inbound(extraHeaders: "Timestamp: 54\r\n");

        h.Layer.OnRequest(invite, CallerUdp);
        var tx = Assert.Single(h.User.Requests);
        Assert.Equal(TransactionKind.InviteServer, tx.Kind);
        Assert.Equal(TransactionState.Proceeding, tx.State);

        h.RunFor(Ms(190));
        Assert.Empty(h.Sender.Sent);
        h.RunFor(Ms(10));

        var trying = Assert.Single(h.Sender.Sent);
        Assert.Equal(Ms(200), trying.At);
        Assert.Equal(100, trying.Response.StatusCode);
        Assert.Null(trying.Response.To!.Tag);
        Assert.Equal("54", trying.Response.Headers[KnownHeader.Timestamp]);
        Assert.Equal(CallerUdp, trying.Destination);
        h.RunFor(S(60));
        Assert.Single(h.Sender.Sent);
    }

    [Fact]
    public void No_100_trying_when_the_user_answers_within_200_ms()
    {
        var h = new TransactionHarness();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(180));

        h.Layer.OnRequest(TestMessages.Inbound(), CallerUdp);
        h.RunFor(S(5));

        Assert.Equal([180], h.Sender.Sent.Select(s => s.Response.StatusCode));
    }

    [Fact]
    public void Retransmitted_invite_gets_the_last_provisional_again_and_is_not_passed_to_the_user()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TestMessages.Inbound(), CallerUdp);
        var tx = Assert.Single(h.User.Requests);
        var ringing = tx.CreateResponse(180);
        tx.Respond(tx.CreateResponse(183));
        tx.Respond(ringing);

        h.Layer.OnRequest(TestMessages.Inbound(), CallerUdp);

        Assert.Equal([183, 180, 180], h.Sender.Sent.Select(s => s.Response.StatusCode));
        Assert.Same(ringing, h.Sender.Sent[^1].Message);
        Assert.Single(h.User.Requests);
        Assert.Equal(1, h.Layer.Counters.ResponseRetransmissions);
    }

    [Fact]
    public void Retransmitted_invite_before_any_response_gets_100_trying_at_once()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TestMessages.Inbound(), CallerUdp);
        h.RunFor(Ms(100));

        h.Layer.OnRequest(TestMessages.Inbound(), CallerUdp);
        h.RunFor(S(1));

        var trying = Assert.Single(h.Sender.Sent);
        Assert.Equal(100, trying.Response.StatusCode);
        Assert.Equal(Ms(100), trying.At);
    }

    [Fact]
    public void Udp_timer_G_retransmits_the_final_response_capped_at_T2_until_timer_H()
    {
        var h = new TransactionHarness();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(486));

        h.Layer.OnRequest(TestMessages.Inbound(), CallerUdp);
        var tx = Assert.Single(h.User.Requests);
        h.RunFor(S(40));

        Assert.Equal(
            [S(0), S(0.5), S(1.5), S(3.5), S(7.5), S(11.5), S(15.5), S(19.5), S(23.5), S(27.5), S(31.5)],
            h.Sender.Responses(486).Select(s => s.At));
        var failure = Assert.Single(h.User.Failures);
        Assert.Equal(TransactionFailure.Timeout, failure.Failure);
        Assert.Equal(S(32), failure.At);
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Equal(10, h.Layer.Counters.ResponseRetransmissions);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void Completed_answers_a_retransmitted_invite_with_the_final_response()
    {
        var h = new TransactionHarness();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(486));
        h.Layer.OnRequest(TestMessages.Inbound(), CallerTcp);

        h.Layer.OnRequest(TestMessages.Inbound(), CallerTcp);

        Assert.Equal(2, h.Sender.Responses(486).Count);
        Assert.Single(h.User.Requests);
    }

    [Fact]
    public void Ack_confirms_stops_timer_G_and_timer_I_ends_the_transaction()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Inbound();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(486));
        h.Layer.OnRequest(invite, CallerUdp);
        var tx = Assert.Single(h.User.Requests);
        var busy = h.Sender.Sent[0].Response;

        h.RunFor(S(1));
        h.Layer.OnRequest(TestMessages.AckFor(invite, busy), CallerUdp);
        Assert.Equal(TransactionState.Confirmed, tx.State);
        h.Layer.OnRequest(TestMessages.AckFor(invite, busy), CallerUdp);

        h.RunUntil(S(1 + 5) - Ms(10));
        Assert.Equal(TransactionState.Confirmed, tx.State);
        h.RunFor(Ms(10));
        Assert.Equal(TransactionState.Terminated, tx.State);

        Assert.Equal([S(0), S(0.5)], h.Sender.Sent.Select(s => s.At));
        Assert.Empty(h.User.Of(nameof(ITransactionUser.OnAck)));
        Assert.Empty(h.User.Failures);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void Tcp_has_no_timer_G_and_the_ack_ends_the_transaction_at_once()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Inbound(transport: "TCP");
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(486));
        h.Layer.OnRequest(invite, CallerTcp);
        var tx = Assert.Single(h.User.Requests);
        h.RunFor(S(10));
        Assert.Single(h.Sender.Sent);

        h.Layer.OnRequest(TestMessages.AckFor(invite, h.Sender.Sent[0].Response), CallerTcp);

        Assert.Equal(TransactionState.Terminated, tx.State);
        // §18.2.2: the request's connection; its fallback address is the source with the sent-by port.
        Assert.Equal(CallerTcp.ConnectionId, h.Sender.Sent[0].Destination.ConnectionId);
        Assert.Equal(new System.Net.IPEndPoint(CallerTcp.EndPoint.Address, 5060), h.Sender.Sent[0].Destination.EndPoint);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void Tcp_timer_H_still_times_out_without_an_ack()
    {
        var h = new TransactionHarness();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(486));
        h.Layer.OnRequest(TestMessages.Inbound(transport: "TCP"), CallerTcp);

        h.RunFor(S(32));

        Assert.Single(h.Sender.Sent);
        Assert.Equal(S(32), Assert.Single(h.User.Failures).At);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void Accepted_absorbs_retransmitted_invites_and_passes_the_users_2xx_to_the_transport()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TestMessages.Inbound(), CallerUdp);
        var tx = Assert.Single(h.User.Requests);
        var ok = tx.CreateResponse(200);

        Assert.True(tx.Respond(ok));
        Assert.Equal(TransactionState.Accepted, tx.State);
        h.Layer.OnRequest(TestMessages.Inbound(), CallerUdp);
        Assert.Single(h.Sender.Sent);
        h.RunFor(S(0.5));
        Assert.True(tx.Respond(ok));
        Assert.False(tx.Respond(tx.CreateResponse(486)));
        Assert.False(tx.Respond(tx.CreateResponse(180)));

        Assert.Equal([S(0), S(0.5)], h.Sender.Sent.Select(s => s.At));
        Assert.All(h.Sender.Sent, s => Assert.Same(ok, s.Message));
        Assert.Single(h.User.Requests);
        Assert.Equal(1, h.Layer.Counters.AbsorbedRetransmissions);
    }

    [Fact]
    public void Accepted_passes_a_matching_ack_to_the_user_and_timer_L_ends_it()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Inbound();
        h.Layer.OnRequest(invite, CallerUdp);
        var tx = Assert.Single(h.User.Requests);
        var ok = tx.CreateResponse(200);
        tx.Respond(ok);

        // An ACK carrying the INVITE's branch (as RFC 2543 and some broken peers send it) matches the transaction.
        h.Layer.OnRequest(TestMessages.AckFor(invite, ok), CallerUdp);
        // A proper ACK for a 2xx has a branch of its own and matches nothing.
        h.Layer.OnRequest(TestMessages.AckFor(invite, ok, branchOverride: "z9hG4bKack2xx"), CallerUdp);

        var acks = h.User.Of(nameof(ITransactionUser.OnAck));
        Assert.Equal(2, acks.Count);
        Assert.Same(tx, acks[0].Transaction);
        Assert.Null(acks[1].Transaction);
        Assert.Equal(CallerUdp, acks[1].Source);

        h.RunUntil(S(32) - Ms(10));
        Assert.Equal(TransactionState.Accepted, tx.State);
        h.RunFor(Ms(10));
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.False(tx.Respond(ok));
        Assert.Empty(h.User.Failures);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void Transport_error_is_reported_once_and_the_timers_still_end_the_transaction()
    {
        var h = new TransactionHarness();
        h.Sender.FailAll();
        h.Layer.OnRequest(TestMessages.Inbound(), CallerUdp);
        var tx = Assert.Single(h.User.Requests);

        tx.Respond(tx.CreateResponse(486));

        // RFC 6026 §7.1: the state is kept so that retransmitted INVITEs are still absorbed.
        Assert.Equal(TransactionState.Completed, tx.State);
        Assert.Equal(TransactionFailure.TransportError, Assert.Single(h.User.Failures).Failure);
        h.Layer.OnRequest(TestMessages.Inbound(), CallerUdp);
        Assert.Single(h.User.Requests);

        h.RunFor(S(32));
        Assert.Equal(
            [TransactionFailure.TransportError, TransactionFailure.Timeout],
            h.User.Failures.Select(f => f.Failure!.Value));
        Assert.True(h.Layer.Counters.TransportErrors > 1);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void Respond_rejects_a_status_outside_100_to_699()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TestMessages.Inbound(), CallerUdp);
        var tx = Assert.Single(h.User.Requests);

        Assert.Throws<ArgumentOutOfRangeException>(() => tx.Respond(new SipResponse(700)));
        Assert.Throws<ArgumentOutOfRangeException>(() => tx.Respond(new SipResponse(99)));
    }

    [Fact]
    public void Concurrent_final_responses_send_exactly_one()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TestMessages.Inbound(), CallerUdp);
        var tx = Assert.Single(h.User.Requests);
        var responses = Enumerable.Range(0, 32).Select(i => tx.CreateResponse(400 + (i % 100))).ToArray();

        var accepted = 0;
        Parallel.ForEach(responses, response =>
        {
            if (tx.Respond(response))
            {
                Interlocked.Increment(ref accepted);
            }
        });

        Assert.Equal(1, accepted);
        Assert.Single(h.Sender.Sent);
    }

    [Fact]
    public void Responses_go_where_the_stamped_via_says()
    {
        var h = new TransactionHarness();
        var natted = new SipRemote(CallerUdp.Transport, new System.Net.IPEndPoint(System.Net.IPAddress.Parse("203.0.113.9"), 61000));
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(180));

        h.Layer.OnRequest(TestMessages.Inbound(sentBy: "10.0.0.5:5060", viaExtra: ";rport"), natted);

        var tx = Assert.Single(h.User.Requests);
        Assert.Equal(natted, tx.ResponseDestination);
        Assert.Equal(natted, Assert.Single(h.Sender.Sent).Destination);
        var via = h.Sender.Sent[0].Response.TopVia!;
        Assert.Equal("203.0.113.9", via.Received);
        Assert.Equal(61000, via.RportValue);
    }
}
