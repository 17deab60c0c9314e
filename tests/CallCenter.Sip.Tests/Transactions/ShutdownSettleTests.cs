using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using static CallCenter.Sip.Tests.Transactions.TransactionHarness;

namespace CallCenter.Sip.Tests.Transactions;

/// <summary>What a graceful shutdown waits for, and what it still lets through.</summary>
public class ShutdownSettleTests
{
    private static readonly SipRemote Peer = TestMessages.PeerUdp;

    [Fact]
    public async Task Settling_waits_for_a_final_response_but_not_for_timer_J()
    {
        var h = new TransactionHarness();
        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Options), Peer);
        var server = Assert.Single(h.User.Requests);
        _ = h.Layer.StopAcceptingAsync(S(60), CancellationToken.None);

        var settled = h.Layer.WaitUntilSettledAsync(CancellationToken.None);
        h.RunFor(S(1));
        Assert.False(settled.IsCompleted);

        server.Respond(server.CreateResponse(200));
        h.RunFor(Ms(100));

        await settled.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, h.Layer.ServerTransactionCount); // still absorbing retransmissions (Timer J), yet settled
    }

    [Fact]
    public void A_request_inside_a_dialog_still_gets_through_while_stopping()
    {
        var h = new TransactionHarness();
        _ = h.Layer.StopAcceptingAsync(S(60), CancellationToken.None);

        h.Layer.OnRequest(TestMessages.Inbound(SipMethods.Bye, branch: "z9hG4bKbye", toTag: "our-tag", cseq: 2), Peer);

        var bye = Assert.Single(h.User.Requests);
        Assert.Equal(SipMethods.Bye, bye.Request.Method);
        Assert.Empty(h.Sender.Sent);
    }
}
