using CallCenter.Sip.Message;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// The transaction user (RFC 3261 §17: the UA core above the transaction layer). Calls for one transaction arrive one
/// at a time and in order, never under a transaction's lock, so an implementation may call back into the
/// transaction (e.g. <see cref="ServerTransaction.Respond"/> from <see cref="OnRequest"/>) or into the layer. Calls
/// may come on a transport receive thread or a timer thread, so an implementation must not block in them. An
/// exception thrown by a callback is logged and otherwise ignored.
/// </summary>
public interface ITransactionUser
{
    /// <summary>
    /// A new request created <paramref name="transaction"/> (§17.2.1, §17.2.2); answer it with
    /// <see cref="ServerTransaction.Respond"/>. CANCEL and ACK never arrive here (see <see cref="OnCancel"/> and
    /// <see cref="OnAck"/>).
    /// </summary>
    void OnRequest(ServerTransaction transaction);

    /// <summary>
    /// A CANCEL matched <paramref name="invite"/> before it sent a final response (§9.2). The layer has already
    /// answered the CANCEL 200; the user should now answer the INVITE 487 Request Terminated.
    /// </summary>
    void OnCancel(ServerTransaction invite, SipRequest cancel);

    /// <summary>
    /// An ACK that is not absorbed by an INVITE server transaction: the ACK for a 2xx (a transaction of its own,
    /// §17.1.1.3, matching none) with <paramref name="transaction"/> null, or an ACK matching an INVITE server
    /// transaction in the Accepted state (RFC 6026 §7.1), with that transaction.
    /// </summary>
    void OnAck(SipRequest ack, SipRemote source, ServerTransaction? transaction);

    /// <summary>
    /// A response on <paramref name="transaction"/>: provisional and final responses, and, in the INVITE client
    /// transaction's Accepted state, every further 2xx (retransmissions and forked answers, RFC 6026 §8.4), which
    /// the user acknowledges itself (§13.2.2.4).
    /// </summary>
    void OnResponse(ClientTransaction transaction, SipResponse response);

    /// <summary>
    /// A response that matched no client transaction (§17.1.3), e.g. a 2xx retransmission after the INVITE client
    /// transaction has ended; the user core decides what to do with it (§17.1.3; RFC 6026 lets the UA core, not a transaction, see such 2xx).
    /// </summary>
    void OnStrayResponse(SipResponse response, SipRemote source);

    /// <summary>
    /// The transaction failed (see <see cref="TransactionFailure"/>). Client transactions have then terminated; an
    /// INVITE server transaction stays in its state after a transport error (RFC 6026 §7.1) and ends by its timers.
    /// A non-INVITE server transaction on UDP that has sent its final response is held by the layer only as the
    /// response bytes (see <see cref="NonInviteServerTransaction"/>): a transport error while re-sending them ends it
    /// (its <see cref="SipTransaction.State"/> turns Terminated) and is counted, but is not reported here.
    /// </summary>
    void OnFailure(SipTransaction transaction, TransactionFailure failure);
}
