using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using static CallCenter.Sip.Tests.Transactions.TransactionHarness;

namespace CallCenter.Sip.Tests.Transactions;

public class InviteClientTransactionTests
{
    private static readonly SipRemote AgentUdp = TestMessages.PeerUdp;
    private static readonly SipRemote AgentTcp = TestMessages.PeerTcp;

    [Fact]
    public void Udp_timer_A_doubles_without_a_cap_until_timer_B_times_out()
    {
        var h = new TransactionHarness();
        var tx = h.Layer.SendRequest(TestMessages.Outbound(), AgentUdp);

        h.RunFor(S(40));

        // §17.1.1.2: A starts at T1 and doubles on each firing; B = 64·T1 ends the transaction.
        Assert.Equal([S(0), S(0.5), S(1.5), S(3.5), S(7.5), S(15.5), S(31.5)], h.Sender.Requests(SipMethods.Invite).Select(s => s.At));
        Assert.All(h.Sender.Sent, s => Assert.Same(tx.Request, s.Message));
        Assert.All(h.Sender.Sent, s => Assert.Equal(AgentUdp, s.Destination));
        var failure = Assert.Single(h.User.Failures);
        Assert.Equal(TransactionFailure.Timeout, failure.Failure);
        Assert.Equal(S(32), failure.At);
        Assert.Same(tx, failure.Transaction);
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.True(tx.Termination.IsCompleted);
        Assert.Equal(6, h.Layer.Counters.RequestRetransmissions);
        Assert.Equal(1, h.Layer.Counters.Timeouts);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void Tcp_sends_once_and_timer_B_still_times_out()
    {
        var h = new TransactionHarness();
        h.Layer.SendRequest(TestMessages.Outbound(), AgentTcp);

        h.RunFor(S(31.99));
        Assert.Empty(h.User.Failures);
        h.RunFor(S(0.01));

        Assert.Single(h.Sender.Sent);
        Assert.Equal(TransactionFailure.Timeout, Assert.Single(h.User.Failures).Failure);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void Provisional_moves_to_proceeding_and_stops_timers_A_and_B()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Outbound();
        var tx = h.Layer.SendRequest(invite, AgentUdp);

        h.RunFor(S(0.7));
        var ringing = TestMessages.ResponseTo(invite, 180);
        h.Layer.OnResponse(ringing, AgentUdp);
        h.RunFor(S(100));

        Assert.Equal([S(0), S(0.5)], h.Sender.Sent.Select(s => s.At));
        Assert.Equal(TransactionState.Proceeding, tx.State);
        Assert.Same(ringing, Assert.Single(h.User.ResponsesOn(tx)));
        Assert.Empty(h.User.Failures);
        Assert.Equal(1, h.Layer.ClientTransactionCount);
    }

    [Fact]
    public void Non2xx_final_is_acknowledged_by_the_transaction_to_the_same_destination()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Outbound(extraHeaders: "Route: <sip:proxy1.example.com;lr>\r\nRoute: <sip:proxy2.example.com;lr>\r\n");
        var tx = h.Layer.SendRequest(invite, AgentUdp);
        var busy = TestMessages.ResponseTo(invite, 486);

        h.Layer.OnResponse(TestMessages.ResponseTo(invite, 180), AgentUdp);
        h.Layer.OnResponse(busy, AgentUdp);

        Assert.Equal(TransactionState.Completed, tx.State);
        Assert.Equal([180, 486], h.User.ResponsesOn(tx).Select(r => r.StatusCode));
        var sentAck = Assert.Single(h.Sender.Requests(SipMethods.Ack));
        Assert.Equal(AgentUdp, sentAck.Destination);

        // §17.1.1.3, checked on the wire form.
        var ack = TestMessages.Reparse(sentAck.Request);
        Assert.Equal(invite.RequestUriText, ack.RequestUriText);
        Assert.Equal(invite.CallId, ack.CallId);
        Assert.Equal(invite.Headers[KnownHeader.From], ack.Headers[KnownHeader.From]);
        Assert.Equal("agent-tag", ack.To!.Tag);
        Assert.Equal(new CSeqHeader(1, SipMethods.Ack), ack.CSeq);
        var via = Assert.Single(ack.Vias);
        Assert.Equal(invite.TopVia!.ToString(), via.ToString());
        Assert.Equal(["<sip:proxy1.example.com;lr>", "<sip:proxy2.example.com;lr>"], ack.Headers.ValuesOf(KnownHeader.Route));
        Assert.Equal(70, ack.MaxForwards);
    }

    [Fact]
    public void Completed_resends_the_ack_for_a_retransmitted_final_and_timer_D_ends_it()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Outbound();
        var tx = h.Layer.SendRequest(invite, AgentUdp);
        h.RunFor(S(1));
        h.Layer.OnResponse(TestMessages.ResponseTo(invite, 486), AgentUdp);

        h.RunFor(S(2));
        h.Layer.OnResponse(TestMessages.ResponseTo(invite, 486), AgentUdp);

        Assert.Equal(2, h.Sender.Requests(SipMethods.Ack).Count);
        Assert.Single(h.User.ResponsesOn(tx));
        Assert.Equal(1, h.Layer.Counters.AbsorbedRetransmissions);

        h.RunUntil(S(1 + 32) - Ms(10));
        Assert.Equal(TransactionState.Completed, tx.State);
        h.RunFor(Ms(10));
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Empty(h.User.Failures);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void Non2xx_final_over_tcp_terminates_at_once_because_timer_D_is_zero()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Outbound();
        var tx = h.Layer.SendRequest(invite, AgentTcp);

        h.Layer.OnResponse(TestMessages.ResponseTo(invite, 603), AgentTcp);

        Assert.Equal(AgentTcp, Assert.Single(h.Sender.Requests(SipMethods.Ack)).Destination);
        Assert.Equal(TransactionState.Terminated, tx.State);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void Success_moves_to_accepted_where_every_2xx_goes_to_the_user_and_no_ack_is_sent()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Outbound();
        var tx = h.Layer.SendRequest(invite, AgentUdp);

        var ok = TestMessages.ResponseTo(invite, 200);
        h.Layer.OnResponse(ok, AgentUdp);
        h.RunFor(S(0.5));
        h.Layer.OnResponse(TestMessages.ResponseTo(invite, 200), AgentUdp);
        h.Layer.OnResponse(TestMessages.ResponseTo(invite, 200, toTag: "forked-tag"), AgentUdp);
        h.Layer.OnResponse(TestMessages.ResponseTo(invite, 486), AgentUdp);

        Assert.Equal(TransactionState.Accepted, tx.State);
        Assert.Equal(["agent-tag", "agent-tag", "forked-tag"], h.User.ResponsesOn(tx).Select(r => r.To!.Tag));
        Assert.Empty(h.Sender.Requests(SipMethods.Ack));
        Assert.Single(h.Sender.Sent);
    }

    [Fact]
    public void Timer_M_ends_accepted_and_a_later_2xx_is_a_stray_response_for_the_user()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Outbound();
        var tx = h.Layer.SendRequest(invite, AgentUdp);
        h.RunFor(S(2));
        h.Layer.OnResponse(TestMessages.ResponseTo(invite, 200), AgentUdp);

        h.RunUntil(S(2 + 32) - Ms(10));
        Assert.Equal(TransactionState.Accepted, tx.State);
        h.RunFor(Ms(10));
        Assert.Equal(TransactionState.Terminated, tx.State);
        h.AssertTablesEmpty();

        var late = TestMessages.ResponseTo(invite, 200);
        h.Layer.OnResponse(late, AgentUdp);
        var stray = Assert.Single(h.User.Of(nameof(ITransactionUser.OnStrayResponse)));
        Assert.Same(late, stray.Message);
        Assert.Equal(AgentUdp, stray.Source);
        Assert.Equal(1, h.Layer.Counters.StrayResponses);
    }

    [Fact]
    public void Transport_error_on_the_invite_tells_the_user_and_terminates()
    {
        var h = new TransactionHarness();
        h.Sender.FailAll();

        var tx = h.Layer.SendRequest(TestMessages.Outbound(), AgentUdp);

        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Equal(TransactionFailure.TransportError, Assert.Single(h.User.Failures).Failure);
        Assert.Equal(1, h.Layer.Counters.TransportErrors);
        h.RunFor(S(40));
        Assert.Single(h.Sender.Sent);
        h.AssertTablesEmpty();
    }

    [Fact]
    public async Task Transport_error_reported_later_by_the_sender_terminates_too()
    {
        var h = new TransactionHarness();
        var pending = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Sender.Behaviour = (_, _) => new ValueTask<bool>(pending.Task);
        var tx = h.Layer.SendRequest(TestMessages.Outbound(), AgentTcp);
        Assert.Equal(1, h.Layer.ClientTransactionCount);

        pending.SetResult(false);

        await tx.Termination.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(TransactionFailure.TransportError, Assert.Single(h.User.Failures).Failure);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void Transport_error_sending_the_ack_is_reported_after_the_final_response()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Outbound();
        var tx = h.Layer.SendRequest(invite, AgentUdp);
        h.Sender.Behaviour = (message, _) => new ValueTask<bool>(message is not SipRequest { Method: SipMethods.Ack });

        h.Layer.OnResponse(TestMessages.ResponseTo(invite, 486), AgentUdp);

        Assert.Equal([nameof(ITransactionUser.OnResponse), nameof(ITransactionUser.OnFailure)], h.User.Events.Select(e => e.Kind));
        Assert.Equal(TransactionState.Terminated, tx.State);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void A_sent_cancel_bounds_the_wait_for_the_final_response_to_64_T1()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Outbound();
        var inviteTx = h.Layer.SendRequest(invite, AgentUdp);
        h.Layer.OnResponse(TestMessages.ResponseTo(invite, 180), AgentUdp);
        h.RunFor(S(10));

        var cancel = TestMessages.Outbound(SipMethods.Cancel, branch: inviteTx.Branch);
        var cancelTx = h.Layer.SendRequest(cancel, AgentUdp);
        var cancelOk = TestMessages.ResponseTo(cancel, 200);
        h.Layer.OnResponse(cancelOk, AgentUdp);

        // §17.1.3: the CANCEL's 200 matches the CANCEL transaction, not the INVITE with the same branch.
        Assert.Same(cancelOk, Assert.Single(h.User.ResponsesOn(cancelTx)));
        Assert.Single(h.User.ResponsesOn(inviteTx));

        h.RunUntil(S(10 + 32) - Ms(10));
        Assert.Equal(TransactionState.Proceeding, inviteTx.State);
        h.RunFor(Ms(10));
        var failure = Assert.Single(h.User.Failures);
        Assert.Same(inviteTx, failure.Transaction);
        Assert.Equal(TransactionFailure.Timeout, failure.Failure);
        h.RunFor(S(10));
        h.AssertTablesEmpty();
    }

    [Fact]
    public void A_487_after_a_cancel_completes_normally()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Outbound();
        var inviteTx = h.Layer.SendRequest(invite, AgentUdp);
        h.Layer.OnResponse(TestMessages.ResponseTo(invite, 180), AgentUdp);
        var cancel = TestMessages.Outbound(SipMethods.Cancel, branch: inviteTx.Branch);
        h.Layer.SendRequest(cancel, AgentUdp);
        h.Layer.OnResponse(TestMessages.ResponseTo(cancel, 200), AgentUdp);

        h.Layer.OnResponse(TestMessages.ResponseTo(invite, 487), AgentUdp);
        h.RunFor(S(40));

        Assert.Empty(h.User.Failures);
        Assert.Single(h.Sender.Requests(SipMethods.Ack));
        h.AssertTablesEmpty();
    }
}
