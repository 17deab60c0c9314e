using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Sip.Tests.Transactions;

public class SipTransactionLayerTests
{
    private static readonly SipRemote Peer = TestMessages.PeerUdp;

    [Fact]
    public void An_ack_matching_no_transaction_goes_to_the_user()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Inbound();
        var ack = TestMessages.AckFor(invite, ResponseFactory.Create(invite, 200, toTag: "t"), branchOverride: "z9hG4bKack");

        h.Layer.OnRequest(ack, Peer);

        var passed = Assert.Single(h.User.Events);
        Assert.Equal(nameof(ITransactionUser.OnAck), passed.Kind);
        Assert.Same(ack, passed.Message);
        Assert.Null(passed.Transaction);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void A_response_matching_no_client_transaction_goes_to_the_user()
    {
        var h = new TransactionHarness();
        var response = TestMessages.ResponseTo(TestMessages.Outbound(), 200);

        h.Layer.OnResponse(response, Peer);

        var stray = Assert.Single(h.User.Events);
        Assert.Equal(nameof(ITransactionUser.OnStrayResponse), stray.Kind);
        Assert.Same(response, stray.Message);
    }

    [Fact]
    public void A_response_whose_cseq_method_differs_does_not_match()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Outbound();
        var tx = h.Layer.SendRequest(invite, Peer);
        var options = TestMessages.Outbound(SipMethods.Options, branch: tx.Branch);

        h.Layer.OnResponse(TestMessages.ResponseTo(options, 200), Peer);

        Assert.Empty(h.User.ResponsesOn(tx));
        Assert.Single(h.User.Of(nameof(ITransactionUser.OnStrayResponse)));
    }

    [Fact]
    public void Branch_matching_ignores_case()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Outbound(branch: "z9hG4bKAbCdEf");
        var tx = h.Layer.SendRequest(invite, Peer);
        var response = TestMessages.Parse<SipResponse>(TestMessages.ResponseTo(invite, 180).ToString().Replace("z9hG4bKAbCdEf", "z9hG4bKabcdef"));

        h.Layer.OnResponse(response, Peer);

        Assert.Single(h.User.ResponsesOn(tx));
    }

    [Fact]
    public void SendRequest_refuses_an_ack()
    {
        var h = new TransactionHarness();

        var error = Assert.Throws<ArgumentException>(() => h.Layer.SendRequest(TestMessages.Outbound(SipMethods.Ack), Peer));

        Assert.Contains("ACK", error.Message);
        Assert.Empty(h.Sender.Sent);
    }

    [Fact]
    public void SendRequest_refuses_a_branch_without_the_magic_cookie()
    {
        var h = new TransactionHarness();

        Assert.Throws<ArgumentException>(() => h.Layer.SendRequest(TestMessages.Outbound(branch: "legacy123"), Peer));
        h.AssertTablesEmpty();
    }

    [Fact]
    public void SendRequest_refuses_a_second_live_transaction_with_the_same_branch_and_method()
    {
        var h = new TransactionHarness();
        var branch = BranchId.New();
        h.Layer.SendRequest(TestMessages.Outbound(SipMethods.Options, branch), Peer);

        Assert.Throws<InvalidOperationException>(() => h.Layer.SendRequest(TestMessages.Outbound(SipMethods.Options, branch), Peer));
        Assert.Single(h.Sender.Sent);
        Assert.Equal(1, h.Layer.ClientTransactionCount);
    }

    [Fact]
    public void A_request_without_a_via_is_dropped()
    {
        var h = new TransactionHarness();
        var request = TestMessages.Inbound(SipMethods.Options);
        request.Headers.RemoveAll(KnownHeader.Via);

        h.Layer.OnRequest(request, Peer);

        Assert.Empty(h.User.Events);
        Assert.Empty(h.Sender.Sent);
        h.AssertTablesEmpty();
    }

    [Fact]
    public void Active_counts_are_kept_per_kind()
    {
        var h = new TransactionHarness();
        h.Layer.SendRequest(TestMessages.Outbound(), Peer);
        h.Layer.SendRequest(TestMessages.Outbound(SipMethods.Options), Peer);
        h.Layer.SendRequest(TestMessages.Outbound(SipMethods.Bye), Peer);
        h.Layer.OnRequest(TestMessages.Inbound(branch: "z9hG4bKi"), Peer);
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options, branch: "z9hG4bKo"), Peer);

        Assert.Equal(1, h.Layer.Counters.Active(TransactionKind.InviteClient));
        Assert.Equal(2, h.Layer.Counters.Active(TransactionKind.NonInviteClient));
        Assert.Equal(1, h.Layer.Counters.Active(TransactionKind.InviteServer));
        Assert.Equal(1, h.Layer.Counters.Active(TransactionKind.NonInviteServer));
        Assert.Equal(3, h.Layer.ClientTransactionCount);
        Assert.Equal(2, h.Layer.ServerTransactionCount);
    }

    [Fact]
    public void Invalid_timer_options_are_refused()
    {
        var time = new FakeTimeProvider();
        var sender = new RecordingSender(time);
        var user = new RecordingUser(time);

        Assert.Throws<ArgumentException>(() =>
            new SipTransactionLayer(sender, user, time, new SipTimerOptions { T2 = TimeSpan.FromMilliseconds(100) }, NullLogger.Instance));
    }

    [Fact]
    public void Options_changed_after_construction_do_not_affect_the_layer()
    {
        var options = new SipTimerOptions();
        var h = new TransactionHarness(options);
        options.T1 = TimeSpan.FromSeconds(2);

        h.Layer.SendRequest(TestMessages.Outbound(SipMethods.Options), TestMessages.PeerTcp);
        h.RunFor(TimeSpan.FromSeconds(32));

        Assert.Single(h.User.Failures);
    }
}
