using CallCenter.Sip.Message;

namespace CallCenter.Sip.Transactions;

/// <summary>The non-INVITE client transaction of RFC 3261 §17.1.2: Trying → Proceeding → Completed → Terminated.</summary>
public sealed class NonInviteClientTransaction : ClientTransaction
{
    private TimeSpan _timerEInterval;

    internal NonInviteClientTransaction(TransactionContext context, SipRequest request, SipRemote destination)
        : base(context, TransactionKind.NonInviteClient, request, destination, TransactionState.Trying)
    {
    }

    /// <summary>§17.1.2.2: send the request; Timer E (unreliable only) and Timer F start in Trying.</summary>
    private protected override void StartLocked()
    {
        if (!Send(Request, Destination))
        {
            return;
        }

        if (!Destination.IsReliable)
        {
            _timerEInterval = Timers.TimerE;
            StartTimer(TransactionTimer.E, _timerEInterval);
        }

        StartTimer(TransactionTimer.F, Timers.TimerF);
    }

    private protected override void OnResponseLocked(SipResponse response)
    {
        switch (State)
        {
            case TransactionState.Trying:
            case TransactionState.Proceeding:
                OnResponseInTryingOrProceeding(response);
                break;
            case TransactionState.Completed:
                // §17.1.2.2: Completed exists only to absorb response retransmissions.
                Context.Counters.RetransmissionAbsorbed();
                break;
        }
    }

    private protected override void OnTimerLocked(TransactionTimer timer)
    {
        switch (timer)
        {
            case TransactionTimer.E when State == TransactionState.Trying:
                // §17.1.2.2 Trying: the interval doubles up to T2.
                RetransmitRequest();
                _timerEInterval = Min(_timerEInterval * 2, Timers.T2);
                StartTimer(TransactionTimer.E, _timerEInterval);
                break;
            case TransactionTimer.E when State == TransactionState.Proceeding:
                // §17.1.2.2 Proceeding: once a provisional arrived, retransmit every T2.
                RetransmitRequest();
                StartTimer(TransactionTimer.E, Timers.T2);
                break;
            case TransactionTimer.F when State is TransactionState.Trying or TransactionState.Proceeding:
                ReportFailure(TransactionFailure.Timeout, "Timer F");
                Terminate();
                break;
            case TransactionTimer.K when State == TransactionState.Completed:
                Terminate();
                break;
        }
    }

    /// <summary>§17.1.4: a transport error is reported and ends the transaction.</summary>
    private protected override void OnTransportErrorLocked()
    {
        ReportFailure(TransactionFailure.TransportError, "transport");
        Terminate();
    }

    /// <summary>
    /// §17.1.2.2 Trying and Proceeding: a provisional moves to Proceeding; a final response (200–699) moves to
    /// Completed, where Timer K (zero on reliable transports) absorbs retransmissions. Both go to the user.
    /// </summary>
    private void OnResponseInTryingOrProceeding(SipResponse response)
    {
        if (response.IsProvisional)
        {
            TransitionTo(TransactionState.Proceeding);
            PassToUser(response);
            return;
        }

        StopTimer(TransactionTimer.E);
        StopTimer(TransactionTimer.F);
        TransitionTo(TransactionState.Completed);
        PassToUser(response);
        var timerK = Timers.TimerK(Destination.IsReliable);
        if (timerK == TimeSpan.Zero)
        {
            Terminate();
        }
        else
        {
            StartTimer(TransactionTimer.K, timerK);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
