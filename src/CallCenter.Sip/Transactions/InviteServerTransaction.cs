using CallCenter.Sip.Message;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// The INVITE server transaction of RFC 3261 §17.2.1 as corrected by RFC 6026 §7.1: Proceeding → Completed
/// (non-2xx) → Confirmed, or Proceeding → Accepted (2xx), → Terminated.
/// </summary>
public sealed class InviteServerTransaction : ServerTransaction
{
    private SipResponse? _lastProvisional;
    private SipResponse? _finalNonSuccess;
    private TimeSpan _timerGInterval;
    private bool _transportErrorReported;

    internal InviteServerTransaction(
        TransactionContext context, SipRequest request, SipRemote source, ServerTransactionIdentity identity, bool userVisible)
        : base(context, TransactionKind.InviteServer, request, source, identity, TransactionState.Proceeding, userVisible)
    {
    }

    /// <summary>An ACK matched this transaction (§17.2.3).</summary>
    internal void OnAck(SipRequest ack, SipRemote source)
    {
        lock (Gate)
        {
            switch (State)
            {
                case TransactionState.Completed:
                    EnterConfirmed();
                    break;
                case TransactionState.Confirmed:
                    // §17.2.1 Confirmed: further ACKs are absorbed.
                    Context.Counters.RetransmissionAbsorbed();
                    break;
                case TransactionState.Accepted:
                    // RFC 6026 §7.1: an ACK matching the transaction in Accepted goes to the user.
                    NotifyUser(nameof(ITransactionUser.OnAck), user => user.OnAck(ack, source, this));
                    break;
            }
        }

        DeliverPending();
    }

    /// <summary>
    /// §17.2.1: the transaction starts in Proceeding and must send 100 Trying unless the user answers within 200 ms;
    /// the Trying timer sends it only if nothing has been sent by then.
    /// </summary>
    private protected override void StartLocked() => StartTimer(TransactionTimer.Trying, Timers.TryingDelay);

    private protected override bool RespondLocked(SipResponse response)
    {
        switch (State)
        {
            case TransactionState.Proceeding:
                RespondInProceeding(response);
                return true;
            case TransactionState.Accepted when response.IsSuccess:
                // RFC 6026 §7.1 Accepted: the user's 2xx retransmissions (§13.3.1.4) are passed to the transport.
                SendResponse(response);
                return true;
            default:
                return false;
        }
    }

    private protected override void OnRetransmissionLocked()
    {
        switch (State)
        {
            case TransactionState.Proceeding:
                // §17.2.1: a retransmitted INVITE gets the most recent provisional again; if the user has sent
                // none yet, the 100 Trying is due now rather than at the end of the 200 ms wait.
                if (_lastProvisional is null)
                {
                    SendTrying();
                }
                else
                {
                    ResendResponse(_lastProvisional);
                }

                break;
            case TransactionState.Completed when _finalNonSuccess is not null:
                // §17.2.1 Completed: a retransmitted INVITE gets the final response again.
                ResendResponse(_finalNonSuccess);
                break;
            default:
                // Confirmed (§17.2.1) and Accepted (RFC 6026 §7.1) absorb retransmitted INVITEs.
                Context.Counters.RetransmissionAbsorbed();
                break;
        }
    }

    private protected override void OnTimerLocked(TransactionTimer timer)
    {
        switch (timer)
        {
            case TransactionTimer.Trying when State == TransactionState.Proceeding && _lastProvisional is null:
                SendTrying();
                break;
            case TransactionTimer.G when State == TransactionState.Completed && _finalNonSuccess is not null:
                // §17.2.1: retransmit the final response, doubling the interval up to T2.
                ResendResponse(_finalNonSuccess);
                _timerGInterval = _timerGInterval * 2 < Timers.T2 ? _timerGInterval * 2 : Timers.T2;
                StartTimer(TransactionTimer.G, _timerGInterval);
                break;
            case TransactionTimer.H when State == TransactionState.Completed:
                // §17.2.1: the ACK never came; the user is told and the transaction ends.
                ReportFailure(TransactionFailure.Timeout, "Timer H");
                Terminate();
                break;
            case TransactionTimer.I when State == TransactionState.Confirmed:
            case TransactionTimer.L when State == TransactionState.Accepted:
                Terminate();
                break;
        }
    }

    /// <summary>
    /// RFC 6026 §7.1 and §8.8: a transport error must not discard the transaction state (that would let INVITE
    /// retransmissions through as new requests); the user is told once and the timers end the transaction.
    /// </summary>
    private protected override void OnTransportErrorLocked()
    {
        if (!_transportErrorReported)
        {
            _transportErrorReported = true;
            ReportFailure(TransactionFailure.TransportError, "transport");
        }
    }

    /// <summary>
    /// §17.2.1 Proceeding: a provisional from the user is sent and remembered for retransmitted INVITEs; a 2xx moves
    /// to Accepted with Timer L (RFC 6026 §7.1); 300–699 moves to Completed. The state changes before the send so
    /// that a transport error leaves the transaction in a state whose timers end it.
    /// </summary>
    private void RespondInProceeding(SipResponse response)
    {
        StopTimer(TransactionTimer.Trying);
        if (response.IsProvisional)
        {
            _lastProvisional = response;
            SendResponse(response);
        }
        else if (response.IsSuccess)
        {
            TransitionTo(TransactionState.Accepted);
            StartTimer(TransactionTimer.L, Timers.TimerL);
            SendResponse(response);
        }
        else
        {
            EnterCompleted(response);
        }
    }

    /// <summary>
    /// §17.2.1 entering Completed: Timer G (unreliable transports only) retransmits the final response and Timer H
    /// (every transport) bounds the wait for the ACK.
    /// </summary>
    private void EnterCompleted(SipResponse response)
    {
        TransitionTo(TransactionState.Completed);
        _finalNonSuccess = response;
        if (!Source.IsReliable)
        {
            _timerGInterval = Timers.TimerG;
            StartTimer(TransactionTimer.G, _timerGInterval);
        }

        StartTimer(TransactionTimer.H, Timers.TimerH);
        SendResponse(response);
    }

    /// <summary>§17.2.1 entering Confirmed: stop G and H; Timer I (zero on reliable transports) absorbs further ACKs.</summary>
    private void EnterConfirmed()
    {
        StopTimer(TransactionTimer.G);
        StopTimer(TransactionTimer.H);
        TransitionTo(TransactionState.Confirmed);
        var timerI = Timers.TimerI(Source.IsReliable);
        if (timerI == TimeSpan.Zero)
        {
            Terminate();
        }
        else
        {
            StartTimer(TransactionTimer.I, timerI);
        }
    }

    private void SendTrying()
    {
        StopTimer(TransactionTimer.Trying);
        _lastProvisional = ResponseFactory.Create(Request, 100);
        SendResponse(_lastProvisional);
    }
}
