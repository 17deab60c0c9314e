using System.Globalization;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.Transactions;

/// <summary>Inbound requests: §17.2.3 matching, ACK and CANCEL handling, merged requests and the stopping 503.</summary>
public sealed partial class SipTransactionLayer
{
    /// <summary>
    /// A validated request from the transport (§18.2.1). The top Via is stamped (<see cref="ViaStamp"/>), then: an
    /// ACK goes to its INVITE server transaction, or to the user when it matches none (an ACK for a 2xx); a CANCEL
    /// is answered here (§9.2); a retransmission goes to its transaction; a merged request is answered 482
    /// (§8.2.2.2); a new request creates a server transaction and goes to the user, or is answered 503 when stopping.
    /// </summary>
    public void OnRequest(SipRequest request, SipRemote source)
    {
        ArgumentNullException.ThrowIfNull(request);
        ViaStamp.Apply(request, source);
        if (!ServerTransactionIdentity.TryCreate(request, out var identity))
        {
            TransactionLog.UnusableRequest(_context.Logger, request.Method, source);
            return;
        }

        switch (request.Method)
        {
            case SipMethods.Ack:
                OnAck(request, source, identity);
                break;
            case SipMethods.Cancel:
                OnCancel(request, source, identity);
                break;
            default:
                OnOtherRequest(request, source, identity);
                break;
        }
    }

    /// <summary>§17.2.3: an ACK for a non-2xx belongs to the INVITE server transaction; an ACK for a 2xx to nobody.</summary>
    private void OnAck(SipRequest ack, SipRemote source, ServerTransactionIdentity identity)
    {
        if (_servers.FindAckTarget(identity) is { } invite)
        {
            invite.OnAck(ack, source);
            return;
        }

        CallUser(nameof(ITransactionUser.OnAck), user => user.OnAck(ack, source, null));
    }

    /// <summary>
    /// §9.2: the CANCEL is a transaction of its own, answered here: 200 when it matches a transaction (with the To
    /// tag that transaction uses), then the user is told so it can answer the INVITE 487; 481 when it matches none.
    /// A retransmitted CANCEL gets the same answer again from its transaction.
    /// </summary>
    private void OnCancel(SipRequest cancel, SipRemote source, ServerTransactionIdentity identity)
    {
        var admission = _servers.Admit(identity, _ => new NonInviteServerTransaction(_context, cancel, source, identity, userVisible: false));
        if (admission.Outcome == AdmissionOutcome.Retransmission)
        {
            Retransmitted(admission);
            return;
        }

        var cancelTransaction = admission.Transaction!;
        cancelTransaction.Start();
        if (_servers.FindCancelTarget(identity) is not { } target)
        {
            Counters.CancelUnmatched();
            TransactionLog.UnmatchedCancel(_context.Logger, source, cancel.CallId);
            cancelTransaction.Respond(cancelTransaction.CreateResponse(481));
            return;
        }

        cancelTransaction.Respond(ResponseFactory.Create(cancel, 200, toTag: target.ToTag));
        target.Live?.OnCancel(cancel);
    }

    private void OnOtherRequest(SipRequest request, SipRemote source, ServerTransactionIdentity identity)
    {
        // Requests inside a dialog (To tag present, §12.2) still pass while stopping: a BYE must be able to end a call.
        var stopping = IsStopping && request.To?.Tag is null;
        var admission = _servers.Admit(identity, merged => merged || !stopping ? CreateServerTransaction(request, source, identity, userVisible: !merged) : null);
        switch (admission.Outcome)
        {
            case AdmissionOutcome.Retransmission:
                Retransmitted(admission);
                break;
            case AdmissionOutcome.Created:
                admission.Transaction!.Start();
                break;
            case AdmissionOutcome.Merged:
                // §8.2.2.2: answered through a transaction of its own, so that retransmissions get the 482 again.
                Counters.MergedRequestRejected();
                TransactionLog.MergedRequest(_context.Logger, request.Method, source, request.CallId);
                var mergedTransaction = admission.Transaction!;
                mergedTransaction.Start();
                mergedTransaction.Respond(mergedTransaction.CreateResponse(482));
                break;
            case AdmissionOutcome.Refused:
                RejectWhileStopping(request, source);
                break;
        }
    }

    private ServerTransaction CreateServerTransaction(SipRequest request, SipRemote source, ServerTransactionIdentity identity, bool userVisible) =>
        request.Method == SipMethods.Invite
            ? new InviteServerTransaction(_context, request, source, identity, userVisible)
            : new NonInviteServerTransaction(_context, request, source, identity, userVisible);

    /// <summary>
    /// 503 with Retry-After, sent statelessly (§8.2.7 allows a stateless answer) so that a stopping layer creates no
    /// new transactions; a retransmission of the request simply gets another 503.
    /// </summary>
    private void RejectWhileStopping(SipRequest request, SipRemote source)
    {
        Counters.RejectedStopping();
        TransactionLog.RejectedWhileStopping(_context.Logger, request.Method, source);
        var response = ResponseFactory.Create(request, 503, toTag: RandomTag.New());
        var seconds = (long)Math.Ceiling(_stop!.RetryAfter.TotalSeconds);
        response.Headers.Add(KnownHeader.RetryAfter, seconds.ToString(CultureInfo.InvariantCulture));
        var destination = request.TopVia is { } topVia ? ResponseRouter.Route(topVia, source) : source;
        _ = SendStatelessAsync(response, destination);
    }

    private async Task SendStatelessAsync(SipResponse response, SipRemote destination)
    {
        bool sent;
        try
        {
            sent = await _context.Sender.SendAsync(response, destination).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            TransactionLog.SenderThrew(_context.Logger, exception, destination);
            sent = false;
        }

        if (!sent)
        {
            TransactionLog.StatelessSendFailed(_context.Logger, response.StatusCode, destination);
        }
    }
}
