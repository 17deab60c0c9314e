using CallCenter.Sip.Message;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// The INVITE client transaction of RFC 3261 §17.1.1 as corrected by RFC 6026 §8.4: Calling → Proceeding →
/// Completed (non-2xx, ACK sent here) or Accepted (2xx, ACKed by the user) → Terminated.
/// </summary>
public sealed class InviteClientTransaction : ClientTransaction
{
    private TimeSpan _timerAInterval;
    private SipRequest? _ack;

    internal InviteClientTransaction(TransactionContext context, SipRequest request, SipRemote destination)
        : base(context, TransactionKind.InviteClient, request, destination, TransactionState.Calling)
    {
    }

    /// <summary>
    /// §9.1: once a CANCEL has been sent, the transaction waits at most 64·T1 more for a final response and then
    /// reports a timeout. The layer calls this when the user sends a CANCEL with this transaction's branch.
    /// </summary>
    internal void OnCancelSent()
    {
        lock (Gate)
        {
            if (State is TransactionState.Calling or TransactionState.Proceeding)
            {
                StartTimer(TransactionTimer.CancelWait, Timers.CancelWait);
            }
        }
    }

    /// <summary>§17.1.1.2: send the INVITE; Timer A (unreliable only) and Timer B start in Calling.</summary>
    private protected override void StartLocked()
    {
        if (!Send(Request, Destination))
        {
            return;
        }

        if (!Destination.IsReliable)
        {
            _timerAInterval = Timers.TimerA;
            StartTimer(TransactionTimer.A, _timerAInterval);
        }

        StartTimer(TransactionTimer.B, Timers.TimerB);
    }

    private protected override void OnResponseLocked(SipResponse response)
    {
        switch (State)
        {
            case TransactionState.Calling:
            case TransactionState.Proceeding:
                OnResponseInCallingOrProceeding(response);
                break;
            case TransactionState.Completed:
                OnResponseInCompleted(response);
                break;
            case TransactionState.Accepted:
                OnResponseInAccepted(response);
                break;
        }
    }

    private protected override void OnTimerLocked(TransactionTimer timer)
    {
        switch (timer)
        {
            case TransactionTimer.A when State == TransactionState.Calling:
                // §17.1.1.2: retransmit and double the interval; only Timer B bounds it (no T2 cap for INVITE).
                RetransmitRequest();
                _timerAInterval *= 2;
                StartTimer(TransactionTimer.A, _timerAInterval);
                break;
            case TransactionTimer.B when State == TransactionState.Calling:
                ReportFailure(TransactionFailure.Timeout, "Timer B");
                Terminate();
                break;
            case TransactionTimer.CancelWait when State is TransactionState.Calling or TransactionState.Proceeding:
                ReportFailure(TransactionFailure.Timeout, "CANCEL wait (§9.1)");
                Terminate();
                break;
            case TransactionTimer.D when State == TransactionState.Completed:
            case TransactionTimer.M when State == TransactionState.Accepted:
                Terminate();
                break;
        }
    }

    /// <summary>§17.1.4 and RFC 6026 §8.4 figure: a transport error is reported and ends the transaction.</summary>
    private protected override void OnTransportErrorLocked()
    {
        ReportFailure(TransactionFailure.TransportError, "transport");
        Terminate();
    }

    /// <summary>
    /// §17.1.1.2 Calling and Proceeding: 1xx moves to (or stays in) Proceeding, where the request is no longer
    /// retransmitted and Timer B no longer applies; 2xx moves to Accepted (RFC 6026 §8.4); 300–699 moves to
    /// Completed. Every such response goes to the user.
    /// </summary>
    private void OnResponseInCallingOrProceeding(SipResponse response)
    {
        if (response.IsProvisional)
        {
            if (State == TransactionState.Calling)
            {
                StopTimer(TransactionTimer.A);
                StopTimer(TransactionTimer.B);
                TransitionTo(TransactionState.Proceeding);
            }

            PassToUser(response);
        }
        else if (response.IsSuccess)
        {
            EnterAccepted(response);
        }
        else
        {
            EnterCompleted(response);
        }
    }

    /// <summary>
    /// RFC 6026 §8.4: the 2xx goes to the user, which sends the ACK itself (§13.2.2.4); the transaction lingers for
    /// Timer M so that retransmitted and forked 2xx responses still reach the user through it.
    /// </summary>
    private void EnterAccepted(SipResponse response)
    {
        StopTimer(TransactionTimer.A);
        StopTimer(TransactionTimer.B);
        StopTimer(TransactionTimer.CancelWait);
        TransitionTo(TransactionState.Accepted);
        PassToUser(response);
        StartTimer(TransactionTimer.M, Timers.TimerM);
    }

    /// <summary>
    /// §17.1.1.2 entering Completed: the response goes to the user, the transaction builds and sends the ACK
    /// (§17.1.1.3) to the INVITE's destination, and Timer D (zero on reliable transports) absorbs retransmissions.
    /// </summary>
    private void EnterCompleted(SipResponse response)
    {
        StopTimer(TransactionTimer.A);
        StopTimer(TransactionTimer.B);
        StopTimer(TransactionTimer.CancelWait);
        TransitionTo(TransactionState.Completed);
        PassToUser(response);
        _ack = AckBuilder.ForNonSuccess(Request, response);
        if (!Send(_ack, Destination))
        {
            return;
        }

        var timerD = Timers.TimerD(Destination.IsReliable);
        if (timerD == TimeSpan.Zero)
        {
            Terminate();
        }
        else
        {
            StartTimer(TransactionTimer.D, timerD);
        }
    }

    /// <summary>§17.1.1.2 Completed: a retransmitted final response is answered with the ACK again, not passed up.</summary>
    private void OnResponseInCompleted(SipResponse response)
    {
        Context.Counters.RetransmissionAbsorbed();
        if (response.StatusCode >= 300 && _ack is not null)
        {
            Send(_ack, Destination);
        }
    }

    /// <summary>RFC 6026 §8.4 Accepted: every further 2xx goes to the user; anything else is absorbed.</summary>
    private void OnResponseInAccepted(SipResponse response)
    {
        if (response.IsSuccess)
        {
            PassToUser(response);
        }
        else
        {
            Context.Counters.RetransmissionAbsorbed();
        }
    }
}
