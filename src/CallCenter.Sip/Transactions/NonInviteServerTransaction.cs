using CallCenter.Sip.Message;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// The non-INVITE server transaction of RFC 3261 §17.2.2: Trying → Proceeding → Completed → Terminated.
/// On an unreliable transport, an RFC 3261 transaction entering Completed hands its remaining duty — answering
/// retransmissions of the request with the final response until Timer J — to a compact
/// <see cref="CompletedServerTransaction"/> held by the layer, and the layer lets go of this object (and so of the
/// request and response, unless the user keeps them). The object still reports Completed, then Terminated once
/// the entry has left the layer, and <see cref="SipTransaction.Termination"/> completes then.
/// </summary>
public sealed class NonInviteServerTransaction : ServerTransaction
{
    private SipResponse? _lastProvisional;
    private SipResponse? _final;
    private volatile CompletedServerTransaction? _handedOver;

    internal NonInviteServerTransaction(
        TransactionContext context, SipRequest request, SipRemote source, ServerTransactionIdentity identity, bool userVisible)
        : base(context, TransactionKind.NonInviteServer, request, source, identity, TransactionState.Trying, userVisible)
    {
    }

    /// <summary>The entry that stands in for this transaction while Completed, once handed over; else null.</summary>
    internal CompletedServerTransaction? HandedOver => _handedOver;

    /// <summary>A handed-over transaction is Terminated once its entry has left the layer (Timer J or a transport error).</summary>
    private protected override TransactionState ReportedState(TransactionState state) =>
        state == TransactionState.Completed && _handedOver is { IsRemoved: true } ? TransactionState.Terminated : state;

    private protected override Task TerminationTask()
    {
        lock (Gate)
        {
            return _handedOver is { } entry ? entry.WhenRemoved() : base.TerminationTask();
        }
    }

    /// <summary>§17.2.2: Trying has no timers; the transaction waits for the user.</summary>
    private protected override void StartLocked()
    {
    }

    private protected override bool RespondLocked(SipResponse response)
    {
        if (State is not (TransactionState.Trying or TransactionState.Proceeding))
        {
            // §17.2.2 Completed: further responses from the user are discarded.
            return false;
        }

        if (response.IsProvisional)
        {
            // §17.2.2 Trying/Proceeding: a provisional is sent and moves to (or keeps) Proceeding.
            TransitionTo(TransactionState.Proceeding);
            _lastProvisional = response;
            SendResponse(response);
        }
        else
        {
            EnterCompleted(response);
        }

        return true;
    }

    private protected override void OnRetransmissionLocked()
    {
        switch (State)
        {
            case TransactionState.Proceeding when _lastProvisional is not null:
                // §17.2.2 Proceeding: answer a retransmission with the last provisional.
                ResendResponse(_lastProvisional);
                break;
            case TransactionState.Completed when _handedOver is { Wire: { } wire } entry:
                // §17.2.2 Completed, for a retransmission that found this object just before the hand-over.
                Context.Counters.ResponseRetransmitted();
                SendSerialized(wire, entry.StatusCode, ResponseDestination);
                break;
            case TransactionState.Completed when _final is not null:
                // §17.2.2 Completed: answer a retransmission with the final response.
                ResendResponse(_final);
                break;
            default:
                // §17.2.2 Trying: retransmissions are discarded while the user has not answered.
                Context.Counters.RetransmissionAbsorbed();
                break;
        }
    }

    private protected override void OnTimerLocked(TransactionTimer timer)
    {
        if (timer == TransactionTimer.J && State == TransactionState.Completed)
        {
            Terminate();
        }
    }

    /// <summary>§17.2.4 and §17.2.2 figure: a transport error is reported and ends the transaction.</summary>
    private protected override void OnTransportErrorLocked()
    {
        ReportFailure(TransactionFailure.TransportError, "transport");
        Terminate();
    }

    /// <summary>
    /// §17.2.2 entering Completed: the final response is sent; Timer J (zero on reliable transports) keeps the
    /// transaction to answer retransmissions. On an unreliable transport an RFC 3261 transaction is handed over to a
    /// compact entry for that; RFC 2543 requests (no magic cookie) keep the full transaction, as their matching
    /// (§17.2.3) needs the whole request.
    /// </summary>
    private void EnterCompleted(SipResponse response)
    {
        TransitionTo(TransactionState.Completed);
        if (!Source.IsReliable && Identity.IsRfc3261)
        {
            EnterCompletedHandingOver(response);
            return;
        }

        _final = response;
        if (!SendResponse(response))
        {
            return;
        }

        var timerJ = Timers.TimerJ(Source.IsReliable);
        if (timerJ == TimeSpan.Zero)
        {
            Terminate();
        }
        else
        {
            StartTimer(TransactionTimer.J, timerJ);
        }
    }

    /// <summary>
    /// The response is serialised once; those bytes are sent now and kept, with the destination and match key, in the
    /// entry that answers retransmissions until Timer J, which the layer's table runs for all entries together.
    /// </summary>
    private void EnterCompletedHandingOver(SipResponse response)
    {
        var wire = response.ToBytes();
        if (!SendSerializedResponse(response, wire))
        {
            // The transport error has already been reported and the transaction terminated (§17.2.4).
            return;
        }

        var entry = new CompletedServerTransaction(Identity.BranchKey, Identity.Method, wire, response.StatusCode, ResponseDestination);
        entry.AdoptTermination(TerminationSourceLocked);
        if (Context.HandOver(this, entry))
        {
            _handedOver = entry;
            _lastProvisional = null;
            return;
        }

        // Only a transaction the table does not hold gets here; it keeps its own state and timer.
        _final = response;
        StartTimer(TransactionTimer.J, Timers.TimerJ(reliable: false));
    }
}
