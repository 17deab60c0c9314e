using CallCenter.Sip.Message;

namespace CallCenter.Sip.Transactions;

/// <summary>The non-INVITE server transaction of RFC 3261 §17.2.2: Trying → Proceeding → Completed → Terminated.</summary>
public sealed class NonInviteServerTransaction : ServerTransaction
{
    private SipResponse? _lastProvisional;
    private SipResponse? _final;

    internal NonInviteServerTransaction(
        TransactionContext context, SipRequest request, SipRemote source, ServerTransactionIdentity identity, bool userVisible)
        : base(context, TransactionKind.NonInviteServer, request, source, identity, TransactionState.Trying, userVisible)
    {
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
    /// transaction to answer retransmissions.
    /// </summary>
    private void EnterCompleted(SipResponse response)
    {
        TransitionTo(TransactionState.Completed);
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
}
