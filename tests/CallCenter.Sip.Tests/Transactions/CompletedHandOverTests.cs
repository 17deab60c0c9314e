using System.Runtime.CompilerServices;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static CallCenter.Sip.Tests.Transactions.TransactionHarness;

namespace CallCenter.Sip.Tests.Transactions;

/// <summary>
/// §17.2.2 Completed on UDP after the hand-over to a compact entry: retransmissions get the identical bytes, CANCEL
/// and merged requests still see the transaction, Timer J empties the tables, and the transaction object reports it.
/// </summary>
public class CompletedHandOverTests
{
    private static readonly SipRemote Peer = TestMessages.PeerUdp;

    private static SipRequest Register(string branch = "z9hG4bKreg1", long cseq = 1, string sentBy = "192.0.2.10:5060") =>
        TestMessages.Inbound(SipMethods.Register, branch: branch, cseq: cseq, sentBy: sentBy, viaExtra: ";rport", requestUri: "sip:198.51.100.1");

    private static SipResponse Challenge(ServerTransaction tx)
    {
        var response = tx.CreateResponse(401);
        response.Headers.Add(KnownHeader.WwwAuthenticate, "Digest realm=\"callcenter\", nonce=\"abc\", algorithm=MD5, qop=\"auth\"");
        return response;
    }

    [Fact]
    public void Every_retransmission_in_completed_gets_the_identical_bytes_at_the_same_destination()
    {
        var h = new TransactionHarness();
        h.User.WhenRequest = tx => tx.Respond(Challenge(tx));
        h.Layer.OnRequest(Register(), Peer);
        var first = Assert.Single(h.Sender.Sent);

        for (var i = 0; i < 3; i++)
        {
            h.RunFor(S(5));
            h.Layer.OnRequest(Register(), Peer);
        }

        Assert.Single(h.User.Requests);
        Assert.Equal(4, h.Sender.Sent.Count);
        Assert.NotNull(first.Wire);
        Assert.All(h.Sender.Sent, s => Assert.Equal(first.Wire, s.Wire));
        Assert.All(h.Sender.Sent, s => Assert.Equal(first.Destination, s.Destination));
        Assert.Equal(3, h.Layer.Counters.ResponseRetransmissions);
        Assert.Equal(401, first.Response.StatusCode);
        Assert.Equal("192.0.2.10", first.Response.TopVia!.Received);
        Assert.Equal(5060, first.Response.TopVia.RportValue);
    }

    [Fact]
    public void A_retransmission_with_the_branch_in_other_case_still_matches()
    {
        var h = new TransactionHarness();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(200));
        h.Layer.OnRequest(Register(branch: "z9hG4bKCaseTest"), Peer);

        // §17.2.3 compares the branch as a parameter value, case-insensitively (§7.3.1).
        h.Layer.OnRequest(Register(branch: "Z9HG4BKcasetest"), Peer);

        Assert.Single(h.User.Requests);
        Assert.Equal(2, h.Sender.Sent.Count);
    }

    [Fact]
    public void Another_branch_sent_by_or_method_is_not_a_retransmission()
    {
        var h = new TransactionHarness();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(200));
        h.Layer.OnRequest(Register(), Peer);

        h.Layer.OnRequest(Register(branch: "z9hG4bKreg2", cseq: 2), Peer);
        h.Layer.OnRequest(Register(sentBy: "192.0.2.10:5070", cseq: 3), Peer);
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options, branch: "z9hG4bKreg1", cseq: 4), Peer);

        Assert.Equal(4, h.User.Requests.Count);
        Assert.Equal(0, h.Layer.Counters.ResponseRetransmissions);
    }

    [Fact]
    public void Timer_J_empties_the_tables_and_a_late_copy_is_a_new_request()
    {
        var h = new TransactionHarness();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(200));
        h.Layer.OnRequest(Register(), Peer);
        var tx = Assert.Single(h.User.Requests);
        Assert.Equal(1, h.Layer.ServerTransactionCount);
        Assert.Equal(1, h.Layer.Counters.Active(TransactionKind.NonInviteServer));

        h.RunUntil(S(32) - Ms(10));
        Assert.Equal(TransactionState.Completed, tx.State);
        h.RunFor(Ms(10));

        Assert.Equal(TransactionState.Terminated, tx.State);
        h.AssertTablesEmpty();
        h.Layer.OnRequest(Register(), Peer);
        Assert.Equal(2, h.User.Requests.Count);
    }

    [Fact]
    public void Timer_J_ends_entries_made_at_different_times_within_one_sweep_interval()
    {
        var h = new TransactionHarness();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(200));
        for (var i = 0; i < 20; i++)
        {
            h.Layer.OnRequest(Register(branch: $"z9hG4bKmany{i}", cseq: i + 1), Peer);
            h.RunFor(Ms(37));
        }

        var lastMadeAt = h.Now - Ms(37);
        h.RunUntil(lastMadeAt + S(32) - Ms(10));
        Assert.True(h.Layer.ServerTransactionCount > 0);
        h.RunFor(Ms(10) + ServerTransactionTable.SweepInterval);

        h.AssertTablesEmpty();
        Assert.All(h.User.Requests, tx => Assert.Equal(TransactionState.Terminated, tx.State));
    }

    [Fact]
    public void Termination_completes_when_timer_J_removes_the_entry_whether_asked_before_or_after_the_final()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(Register(), Peer);
        var tx = Assert.Single(h.User.Requests);
        var askedBefore = tx.Termination;

        tx.Respond(tx.CreateResponse(200));
        var askedAfter = tx.Termination;
        h.RunFor(S(31));
        Assert.False(askedBefore.IsCompleted);
        Assert.False(askedAfter.IsCompleted);
        h.RunFor(S(1));

        Assert.True(askedBefore.IsCompleted);
        Assert.True(askedAfter.IsCompleted);
        Assert.True(tx.Termination.IsCompleted);
    }

    [Fact]
    public void The_transaction_keeps_its_request_for_a_user_that_holds_it_and_refuses_further_responses()
    {
        var h = new TransactionHarness();
        var request = Register();
        h.Layer.OnRequest(request, Peer);
        var tx = Assert.Single(h.User.Requests);
        tx.Respond(tx.CreateResponse(200));

        Assert.Same(request, tx.Request);
        Assert.False(tx.Respond(tx.CreateResponse(403)));
        Assert.Single(h.Sender.Sent);
    }

    [Fact]
    public void The_layer_lets_go_of_the_request_once_the_final_response_is_sent()
    {
        var time = new FakeTimeProvider();
        var layer = new SipTransactionLayer(new RecordingSender(time), new AnsweringUser(), time, new SipTimerOptions(), NullLogger.Instance);

        var request = ReceiveAndForget(layer);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(request.TryGetTarget(out _));
        Assert.Equal(1, layer.ServerTransactionCount);
    }

    [Fact]
    public void A_cancel_of_a_completed_request_gets_200_with_the_final_responses_tag_and_the_user_hears_nothing()
    {
        var h = new TransactionHarness();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(200));
        var options = TestMessages.Inbound(SipMethods.Options, branch: "z9hG4bKopt9");
        h.Layer.OnRequest(options, Peer);
        var tx = Assert.Single(h.User.Requests);

        h.Layer.OnRequest(TestMessages.CancelFor(options), Peer);
        h.Layer.OnRequest(TestMessages.CancelFor(options), Peer);
        h.Layer.OnRequest(options, Peer);

        Assert.Equal([200, 200, 200, 200], h.Sender.Sent.Select(s => s.Response.StatusCode));
        Assert.Equal([SipMethods.Options, SipMethods.Cancel, SipMethods.Cancel, SipMethods.Options], h.Sender.Sent.Select(s => s.Response.CSeq!.Method));
        Assert.Equal(tx.LocalTag, h.Sender.Sent[1].Response.To!.Tag);
        Assert.Equal(h.Sender.Sent[1].Wire, h.Sender.Sent[2].Wire);
        Assert.Equal(h.Sender.Sent[0].Wire, h.Sender.Sent[3].Wire);
        Assert.Empty(h.User.Of(nameof(ITransactionUser.OnCancel)));
        Assert.Equal(0, h.Layer.Counters.UnmatchedCancels);
        Assert.Equal(2, h.Layer.ServerTransactionCount);

        h.RunFor(S(32));
        h.AssertTablesEmpty();
    }

    [Fact]
    public void A_merged_copy_arriving_after_the_original_completed_is_answered_482()
    {
        var h = new TransactionHarness();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(200));
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Message, branch: "z9hG4bKpathA"), Peer);

        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Message, branch: "z9hG4bKpathB", sentBy: "192.0.2.77:5060"), Peer);

        Assert.Equal([200, 482], h.Sender.Sent.Select(s => s.Response.StatusCode));
        Assert.Single(h.User.Requests);
        Assert.Equal(1, h.Layer.Counters.MergedRequests);
    }

    [Fact]
    public void After_timer_J_the_same_identifiers_are_no_longer_a_merge()
    {
        var h = new TransactionHarness();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(200));
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Message, branch: "z9hG4bKpathA"), Peer);
        h.RunFor(S(33));

        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Message, branch: "z9hG4bKpathB", sentBy: "192.0.2.77:5060"), Peer);

        Assert.Equal(2, h.User.Requests.Count);
        Assert.Equal(0, h.Layer.Counters.MergedRequests);
    }

    [Fact]
    public void A_transport_error_on_a_retransmission_ends_the_completed_transaction()
    {
        var h = new TransactionHarness();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(200));
        h.Layer.OnRequest(Register(), Peer);
        var tx = Assert.Single(h.User.Requests);
        var termination = tx.Termination;
        h.Sender.FailAll();

        h.Layer.OnRequest(Register(), Peer);

        Assert.Equal(1, h.Layer.Counters.TransportErrors);
        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.True(termination.IsCompleted);
        h.AssertTablesEmpty();
        h.RunFor(S(40));
        h.AssertTablesEmpty();
    }

    [Fact]
    public void A_final_that_cannot_be_sent_reports_the_transport_error_and_hands_nothing_over()
    {
        var h = new TransactionHarness();
        h.Sender.FailAll();
        h.Layer.OnRequest(Register(), Peer);
        var tx = Assert.Single(h.User.Requests);

        Assert.True(tx.Respond(tx.CreateResponse(200)));

        Assert.Equal(TransactionFailure.TransportError, Assert.Single(h.User.Failures).Failure);
        Assert.Equal(TransactionState.Terminated, tx.State);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void A_final_whose_send_fails_later_ends_the_handed_over_transaction()
    {
        var h = new TransactionHarness();
        var pending = new TaskCompletionSource<bool>();
        h.Sender.Behaviour = (_, _) => new ValueTask<bool>(pending.Task);
        h.Layer.OnRequest(Register(), Peer);
        var tx = Assert.Single(h.User.Requests);
        tx.Respond(tx.CreateResponse(200));
        Assert.Equal(TransactionState.Completed, tx.State);

        pending.SetResult(false);
        SpinWait.SpinUntil(() => tx.State == TransactionState.Terminated, TimeSpan.FromSeconds(10));

        Assert.Equal(TransactionState.Terminated, tx.State);
        Assert.Equal(TransactionFailure.TransportError, Assert.Single(h.User.Failures).Failure);
        SpinWait.SpinUntil(() => h.Layer.ServerTransactionCount == 0, TimeSpan.FromSeconds(10));
        h.AssertTablesEmpty();
    }

    [Fact]
    public void A_provisional_then_a_final_hands_over_and_answers_with_the_final_only()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(Register(), Peer);
        var tx = Assert.Single(h.User.Requests);
        tx.Respond(tx.CreateResponse(100));
        h.Layer.OnRequest(Register(), Peer);
        tx.Respond(tx.CreateResponse(200));

        h.Layer.OnRequest(Register(), Peer);

        Assert.Equal([100, 100, 200, 200], h.Sender.Sent.Select(s => s.Response.StatusCode));
        Assert.Equal(h.Sender.Sent[2].Wire, h.Sender.Sent[3].Wire);
    }

    [Fact]
    public void An_rfc_2543_request_keeps_its_full_transaction_in_completed()
    {
        var h = new TransactionHarness();
        SipResponse? final = null;
        h.User.WhenRequest = tx => tx.Respond(final = tx.CreateResponse(200));
        var legacy = TestMessages.Inbound(SipMethods.Options, branch: null);
        h.Layer.OnRequest(legacy, Peer);

        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options, branch: null), Peer);

        Assert.All(h.Sender.Sent, s => Assert.Same(final, s.Message));
        Assert.Equal(2, h.Sender.Sent.Count);
        h.RunFor(S(32));
        h.AssertTablesEmpty();
    }

    [Fact]
    public void Tcp_is_not_handed_over_and_ends_at_once()
    {
        var h = new TransactionHarness();
        SipResponse? final = null;
        h.User.WhenRequest = tx => tx.Respond(final = tx.CreateResponse(200));

        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Register, transport: "TCP"), TestMessages.PeerTcp);

        Assert.Same(final, Assert.Single(h.Sender.Sent).Message);
        h.AssertTablesEmpty();
    }

    [Fact]
    public async Task Stopping_waits_for_completed_entries_until_timer_J()
    {
        var h = new TransactionHarness();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(200));
        h.Layer.OnRequest(Register(), Peer);

        var drained = h.Layer.StopAcceptingAsync(S(60), CancellationToken.None);
        await h.Layer.WaitUntilSettledAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(drained.IsCompleted);
        h.Layer.OnRequest(Register(), Peer);
        Assert.Equal(2, h.Sender.Responses(200).Count);

        h.RunFor(S(32));
        await drained.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Feeds a request answered at once, returning only a weak reference to it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<SipRequest> ReceiveAndForget(SipTransactionLayer layer)
    {
        var request = Register();
        layer.OnRequest(request, Peer);
        return new WeakReference<SipRequest>(request);
    }

    /// <summary>Answers every request 200 and keeps nothing.</summary>
    private sealed class AnsweringUser : ITransactionUser
    {
        public void OnRequest(ServerTransaction transaction) => transaction.Respond(transaction.CreateResponse(200));

        public void OnCancel(ServerTransaction invite, SipRequest cancel)
        {
        }

        public void OnAck(SipRequest ack, SipRemote source, ServerTransaction? transaction)
        {
        }

        public void OnResponse(ClientTransaction transaction, SipResponse response)
        {
        }

        public void OnStrayResponse(SipResponse response, SipRemote source)
        {
        }

        public void OnFailure(SipTransaction transaction, TransactionFailure failure)
        {
        }
    }
}
