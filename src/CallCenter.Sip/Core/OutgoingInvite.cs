using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Core;

/// <summary>
/// One INVITE we sent (UAC, §13.2) while it is in progress: relays provisional responses, acknowledges a 2xx
/// (§13.2.2.4, again for each retransmission), and can be cancelled once a provisional response came (§9.1).
/// </summary>
public sealed class OutgoingInvite
{
    private readonly object _gate = new();
    private readonly TaskCompletionSource<InviteOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly UserAgentCore _core;
    private bool _provisionalSeen;
    private bool _cancelRequested;
    private bool _cancelSent;
    private SipRequest? _ack;

    internal OutgoingInvite(UserAgentCore core, SipRequest invite, SipRemote destination, Action<SipResponse>? onProvisional)
    {
        _core = core;
        Request = invite;
        Destination = destination;
        OnProvisional = onProvisional;
    }

    /// <summary>The INVITE as sent.</summary>
    public SipRequest Request { get; }

    /// <summary>Where it was sent.</summary>
    public SipRemote Destination { get; }

    /// <summary>Completes with the final outcome.</summary>
    public Task<InviteOutcome> Outcome => _outcome.Task;

    /// <summary>The dialog once answered.</summary>
    public Dialog? Dialog { get; private set; }

    internal Action<SipResponse>? OnProvisional { get; }

    /// <summary>
    /// Cancels the INVITE (§9.1). Before any provisional response the CANCEL is held back and sent when
    /// one arrives; after a final response it does nothing.
    /// </summary>
    public void Cancel()
    {
        bool sendNow;
        lock (_gate)
        {
            if (_outcome.Task.IsCompleted || _cancelSent)
            {
                return;
            }

            _cancelRequested = true;
            sendNow = _provisionalSeen;
            _cancelSent = sendNow;
        }

        if (sendNow)
        {
            _core.SendCancel(this);
        }
    }

    internal void OnResponse(SipResponse response)
    {
        if (response.IsProvisional)
        {
            bool sendCancel;
            lock (_gate)
            {
                _provisionalSeen = true;
                sendCancel = _cancelRequested && !_cancelSent;
                _cancelSent |= sendCancel;
            }

            if (sendCancel)
            {
                _core.SendCancel(this);
            }

            if (!sendCancel && !_cancelRequested)
            {
                OnProvisional?.Invoke(response);
            }

            return;
        }

        if (response.IsSuccess)
        {
            OnSuccess(response);
            return;
        }

        _outcome.TrySetResult(new InviteOutcome(response, null, null));
    }

    internal void OnFailure(TransactionFailure failure) =>
        _outcome.TrySetResult(new InviteOutcome(null, null, failure == TransactionFailure.Timeout ? "timeout" : "transport error"));

    /// <summary>§13.2.2.4: every 2xx is acknowledged; the first creates the dialog.</summary>
    private void OnSuccess(SipResponse response)
    {
        SipRequest ack;
        var first = false;
        lock (_gate)
        {
            if (_ack is null)
            {
                Dialog = DialogFactory.CreateUac(Request, response, Destination);
                if (Dialog is null)
                {
                    first = true;
                }
                else
                {
                    _ack = _core.CreateAck(Dialog, Request);
                    first = true;
                }
            }

            ack = _ack!;
        }

        if (Dialog is null)
        {
            // A 2xx without To tag or Contact cannot form a dialog (§12.1.2); nothing to acknowledge into.
            _outcome.TrySetResult(new InviteOutcome(response, null, "2xx without To tag or Contact"));
            return;
        }

        _core.SendAck(Dialog, ack);
        if (first)
        {
            _core.RegisterDialog(Dialog, this);
            var cancelled = false;
            lock (_gate)
            {
                cancelled = _cancelRequested;
            }

            _outcome.TrySetResult(new InviteOutcome(response, Dialog, null));
            if (cancelled)
            {
                // §9.1: a CANCEL that crossed a 2xx has no effect; the UAC ends the call with BYE.
                _ = _core.SendByeAsync(Dialog);
            }
        }
    }

    internal void ResendAck()
    {
        SipRequest? ack;
        lock (_gate)
        {
            ack = _ack;
        }

        if (ack is not null && Dialog is not null)
        {
            _core.SendAck(Dialog, ack);
        }
    }
}
