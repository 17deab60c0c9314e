using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using static CallCenter.Sip.Tests.Transactions.TransactionHarness;

namespace CallCenter.Sip.Tests.Transactions;

public class NonInviteClientTransactionTests
{
    private static readonly SipRemote AgentUdp = TestMessages.PeerUdp;
    private static readonly SipRemote AgentTcp = TestMessages.PeerTcp;

    [Fact]
    public void Udp_timer_E_doubles_up_to_T2_until_timer_F_times_out()
    {
        var h = new TransactionHarness();
        var tx = h.Layer.SendRequest(TestMessages.Outbound(SipMethods.Options), AgentUdp);

        h.RunFor(S(40));

        // §17.1.2.2: 500 ms, 1 s, 2 s, then 4 s (T2) until F = 64·T1.
        Assert.Equal(
            [S(0), S(0.5), S(1.5), S(3.5), S(7.5), S(11.5), S(15.5), S(19.5), S(23.5), S(27.5), S(31.5)],
            h.Sender.Sent.Select(s => s.At));
        var failure = Assert.Single(h.User.Failures);
        Assert.Equal(TransactionFailure.Timeout, failure.Failure);
        Assert.Equal(S(32), failure.At);
        Assert.Equal(TransactionState.Terminated, tx.State);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void Proceeding_retransmits_every_T2_and_timer_F_still_applies()
    {
        var h = new TransactionHarness();
        var request = TestMessages.Outbound(SipMethods.Register);
        var tx = h.Layer.SendRequest(request, AgentUdp);

        h.RunFor(S(0.7));
        h.Layer.OnResponse(TestMessages.ResponseTo(request, 100), AgentUdp);
        Assert.Equal(TransactionState.Proceeding, tx.State);
        h.RunFor(S(40));

        // The E already armed (for 1.5 s) still fires; after it, every T2 (§17.1.2.2 Proceeding).
        Assert.Equal(
            [S(0), S(0.5), S(1.5), S(5.5), S(9.5), S(13.5), S(17.5), S(21.5), S(25.5), S(29.5)],
            h.Sender.Sent.Select(s => s.At));
        Assert.Equal(S(32), Assert.Single(h.User.Failures).At);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void Final_response_completes_and_timer_K_absorbs_retransmissions_then_ends()
    {
        var h = new TransactionHarness();
        var request = TestMessages.Outbound(SipMethods.Options);
        var tx = h.Layer.SendRequest(request, AgentUdp);
        h.RunFor(S(0.2));

        var ok = TestMessages.ResponseTo(request, 200);
        h.Layer.OnResponse(ok, AgentUdp);
        h.Layer.OnResponse(TestMessages.ResponseTo(request, 200), AgentUdp);

        Assert.Equal(TransactionState.Completed, tx.State);
        Assert.Same(ok, Assert.Single(h.User.ResponsesOn(tx)));
        Assert.Equal(1, h.Layer.Counters.AbsorbedRetransmissions);

        h.RunUntil(S(0.2 + 5) - Ms(10));
        Assert.Equal(TransactionState.Completed, tx.State);
        h.RunFor(Ms(10));
        Assert.Equal(TransactionState.Terminated, tx.State);
        h.RunFor(S(40));
        Assert.Single(h.Sender.Sent);
        Assert.Empty(h.User.Failures);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void Provisional_then_final_both_reach_the_user_in_order()
    {
        var h = new TransactionHarness();
        var request = TestMessages.Outbound(SipMethods.Options);
        var tx = h.Layer.SendRequest(request, AgentUdp);

        h.Layer.OnResponse(TestMessages.ResponseTo(request, 100), AgentUdp);
        h.Layer.OnResponse(TestMessages.ResponseTo(request, 183), AgentUdp);
        h.Layer.OnResponse(TestMessages.ResponseTo(request, 404), AgentUdp);

        Assert.Equal([100, 183, 404], h.User.ResponsesOn(tx).Select(r => r.StatusCode));
    }

    [Fact]
    public void Tcp_sends_once_and_terminates_on_the_final_response_because_timer_K_is_zero()
    {
        var h = new TransactionHarness();
        var request = TestMessages.Outbound(SipMethods.Options);
        var tx = h.Layer.SendRequest(request, AgentTcp);
        h.RunFor(S(20));

        h.Layer.OnResponse(TestMessages.ResponseTo(request, 200), AgentTcp);

        Assert.Single(h.Sender.Sent);
        Assert.Equal(TransactionState.Terminated, tx.State);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void Tcp_timer_F_times_out()
    {
        var h = new TransactionHarness();
        h.Layer.SendRequest(TestMessages.Outbound(SipMethods.Options), AgentTcp);

        h.RunFor(S(32));

        Assert.Single(h.Sender.Sent);
        Assert.Equal(S(32), Assert.Single(h.User.Failures).At);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void Transport_error_on_a_retransmission_tells_the_user_and_terminates()
    {
        var h = new TransactionHarness();
        var tx = h.Layer.SendRequest(TestMessages.Outbound(SipMethods.Options), AgentUdp);
        h.Sender.FailAll();

        h.RunFor(S(0.5));

        Assert.Equal(TransactionFailure.TransportError, Assert.Single(h.User.Failures).Failure);
        Assert.Equal(TransactionState.Terminated, tx.State);
        h.RunFor(S(40));
        Assert.Equal(2, h.Sender.Sent.Count);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void A_sender_that_throws_counts_as_a_transport_error()
    {
        var h = new TransactionHarness();
        h.Sender.Behaviour = (_, _) => throw new InvalidOperationException("socket gone");

        var tx = h.Layer.SendRequest(TestMessages.Outbound(SipMethods.Options), AgentUdp);

        Assert.Equal(TransactionFailure.TransportError, Assert.Single(h.User.Failures).Failure);
        Assert.Equal(TransactionState.Terminated, tx.State);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void User_state_is_set_before_the_first_user_call()
    {
        var h = new TransactionHarness();
        h.Sender.FailAll();
        var state = new object();

        h.Layer.SendRequest(TestMessages.Outbound(SipMethods.Options), AgentUdp, state);

        Assert.Same(state, Assert.Single(h.User.Failures).Transaction!.UserState);
    }
}
