using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using static CallCenter.Sip.Tests.Transactions.TransactionHarness;

namespace CallCenter.Sip.Tests.Transactions;

public class CancelHandlingTests
{
    private static readonly SipRemote CallerUdp = TestMessages.PeerUdp;

    [Fact]
    public void Cancel_of_a_ringing_invite_gets_200_with_the_invites_tag_and_the_user_answers_487()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Inbound();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(180));
        h.User.WhenCancel = (tx, _) => tx.Respond(tx.CreateResponse(487));
        h.Layer.OnRequest(invite, CallerUdp);
        var inviteTx = Assert.Single(h.User.Requests);
        var cancel = TestMessages.CancelFor(invite);

        h.Layer.OnRequest(cancel, CallerUdp);

        Assert.Equal([180, 200, 487], h.Sender.Sent.Select(s => s.Response.StatusCode));
        var cancelOk = h.Sender.Sent[1].Response;
        Assert.Equal(SipMethods.Cancel, cancelOk.CSeq!.Method);
        Assert.Equal(inviteTx.LocalTag, cancelOk.To!.Tag);
        Assert.Equal(CallerUdp, h.Sender.Sent[1].Destination);
        var notified = Assert.Single(h.User.Of(nameof(ITransactionUser.OnCancel)));
        Assert.Same(inviteTx, notified.Transaction);
        Assert.Same(cancel, notified.Message);
        Assert.True(inviteTx.IsCancelled);
        Assert.Equal(TransactionState.Completed, inviteTx.State);
        Assert.Single(h.User.Requests);
    }

    [Fact]
    public void A_retransmitted_cancel_gets_the_200_again_without_telling_the_user_twice()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Inbound();
        h.Layer.OnRequest(invite, CallerUdp);

        h.Layer.OnRequest(TestMessages.CancelFor(invite), CallerUdp);
        h.Layer.OnRequest(TestMessages.CancelFor(invite), CallerUdp);

        Assert.Equal([200, 200], h.Sender.Sent.Select(s => s.Response.StatusCode));
        Assert.Single(h.User.Of(nameof(ITransactionUser.OnCancel)));
    }

    [Fact]
    public void A_cancel_matching_nothing_gets_481()
    {
        var h = new TransactionHarness();

        h.Layer.OnRequest(TestMessages.CancelFor(TestMessages.Inbound()), CallerUdp);

        var sent = Assert.Single(h.Sender.Sent);
        Assert.Equal(481, sent.Response.StatusCode);
        Assert.NotNull(sent.Response.To!.Tag);
        Assert.Empty(h.User.Events);
        Assert.Equal(1, h.Layer.Counters.UnmatchedCancels);
    }

    [Fact]
    public void A_cancel_with_another_branch_does_not_match()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TestMessages.Inbound(branch: "z9hG4bKone"), CallerUdp);

        h.Layer.OnRequest(TestMessages.CancelFor(TestMessages.Inbound(branch: "z9hG4bKtwo")), CallerUdp);

        Assert.Equal(481, Assert.Single(h.Sender.Sent).Response.StatusCode);
        Assert.Empty(h.User.Of(nameof(ITransactionUser.OnCancel)));
    }

    [Fact]
    public void A_cancel_after_the_final_response_gets_200_but_changes_nothing()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Inbound();
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(200));
        h.Layer.OnRequest(invite, CallerUdp);
        var inviteTx = Assert.Single(h.User.Requests);

        h.Layer.OnRequest(TestMessages.CancelFor(invite), CallerUdp);

        Assert.Equal([200, 200], h.Sender.Sent.Select(s => s.Response.StatusCode));
        Assert.Equal(SipMethods.Cancel, h.Sender.Sent[1].Response.CSeq!.Method);
        Assert.Empty(h.User.Of(nameof(ITransactionUser.OnCancel)));
        Assert.False(inviteTx.IsCancelled);
        Assert.Equal(TransactionState.Accepted, inviteTx.State);
    }

    [Fact]
    public void The_200_to_a_cancel_carries_the_tag_of_a_provisional_already_sent()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Inbound();
        h.User.WhenRequest = tx => tx.Respond(ResponseFactory.Create(tx.Request, 183, toTag: "core-chosen"));
        h.Layer.OnRequest(invite, CallerUdp);

        h.Layer.OnRequest(TestMessages.CancelFor(invite), CallerUdp);

        Assert.Equal("core-chosen", h.Sender.Sent[1].Response.To!.Tag);
    }

    [Fact]
    public void Cancel_transactions_are_internal_and_leave_the_tables_with_timer_J()
    {
        var h = new TransactionHarness();
        var invite = TestMessages.Inbound();
        h.User.WhenCancel = (tx, _) => tx.Respond(tx.CreateResponse(487));
        h.Layer.OnRequest(invite, CallerUdp);
        h.Layer.OnRequest(TestMessages.CancelFor(invite), CallerUdp);
        Assert.Equal(2, h.Layer.ServerTransactionCount);

        h.Layer.OnRequest(TestMessages.AckFor(invite, h.Sender.Sent[^1].Response), CallerUdp);
        h.RunFor(S(32));

        Assert.Equal(
            [nameof(ITransactionUser.OnRequest), nameof(ITransactionUser.OnCancel)],
            h.User.Events.Select(e => e.Kind));
        h.AssertTablesEmpty();
    }
}
