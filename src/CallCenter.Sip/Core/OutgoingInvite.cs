using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Core;

/// <summary>
/// One INVITE we sent (UAC, §13.2) while it is in progress: relays provisional responses, acknowledges a 2xx
/// (§13.2.2.4, again for each retransmission), and can be cancelled once a provisional response came (§9.1).
/// With credentials, a 401/407 is answered by sending the INVITE again with them (§22.2, §22.3); the attempt then
/// continues under the new request (<see cref="Request"/>), still one call to the application.
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
    private bool _ackSent;
    private List<Action>? _heldUntilAck;
    private Dictionary<string, (Dialog Dialog, SipRequest Ack)>? _forks;
    private readonly UacCredentials? _credentials;
    private ChallengeRetryPolicy _retries;

    internal OutgoingInvite(
        UserAgentCore core,
        SipRequest invite,
        SipRemote destination,
        Action<SipResponse>? onProvisional,
        Action<Dialog, SipResponse>? onAnswered,
        UacCredentials? credentials = null)
    {
        _core = core;
        _credentials = credentials;
        Request = invite;
        Destination = destination;
        OnProvisional = onProvisional;
        OnAnswered = onAnswered;
    }

    /// <summary>The INVITE as sent; after an answered challenge, the retried one (CSeq one higher, with credentials).</summary>
    public SipRequest Request { get; private set; }

    /// <summary>Where it was sent.</summary>
    public SipRemote Destination { get; }

    /// <summary>Completes with the final outcome.</summary>
    public Task<InviteOutcome> Outcome => _outcome.Task;

    /// <summary>The dialog once answered.</summary>
    public Dialog? Dialog { get; private set; }

    internal Action<SipResponse>? OnProvisional { get; }

    internal Action<Dialog, SipResponse>? OnAnswered { get; }

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

        if (response.StatusCode is 401 or 407 && TryRetryWithCredentials(response))
        {
            return;
        }

        _outcome.TrySetResult(new InviteOutcome(response, null, null));
    }

    /// <summary>
    /// §22.2: answers the challenge with a new INVITE (the transaction layer has already acknowledged the 401/407,
    /// §17.1.1.3). Not when the call is being cancelled, when we have no credentials or cannot answer, or when the
    /// same kind of challenge comes back for credentials already sent without saying the nonce was stale (they were
    /// refused: sending them again cannot help).
    /// </summary>
    private bool TryRetryWithCredentials(SipResponse challenge)
    {
        if (_credentials is null || !_core.Challenges.TryAnswer(Request, challenge, _credentials, out var answer, out _))
        {
            return false;
        }

        SipRequest retry;
        lock (_gate)
        {
            if (_cancelRequested || !_retries.Allows(challenge.StatusCode, answer.Stale))
            {
                return false;
            }

            _retries = _retries.After(challenge.StatusCode);
            retry = _core.CreateAuthorizedRetry(Request, Destination, answer);
            Request = retry;

            // A CANCEL asked for from now on must wait for a provisional response to the new INVITE (§9.1).
            _provisionalSeen = false;
        }

        _core.SendInvite(retry, Destination, this);
        return true;
    }

    internal void OnFailure(TransactionFailure failure) =>
        _outcome.TrySetResult(new InviteOutcome(null, null, failure == TransactionFailure.Timeout ? "timeout" : "transport error"));

    /// <summary>
    /// §13.2.2.4: every 2xx is acknowledged. The first one creates the dialog the call continues in; a 2xx from
    /// another fork (another To tag) is acknowledged in a dialog of its own, which is then ended with BYE, since
    /// the call is already answered. The first dialog is made findable, then handed to the application, and only then
    /// acknowledged: a phone may hang up (BYE) or re-INVITE the instant it has the ACK, and that request must find both;
    /// and the application may end the dialog the instant it hears of it (§15: once the 2xx is in, the dialog exists
    /// and a BYE may be sent), which needs the dialog findable. What it sends meanwhile leaves right after the ACK.
    /// </summary>
    private void OnSuccess(SipResponse response)
    {
        Dialog? dialog;
        SipRequest? ack;
        var first = false;
        var fork = false;
        var newFork = false;
        lock (_gate)
        {
            if (Dialog is null)
            {
                Dialog = DialogFactory.CreateUac(Request, response, Destination);
                _ack = Dialog is null ? null : _core.CreateAck(Dialog, Request);
                first = Dialog is not null;
            }

            if (Dialog is null || response.To?.Tag == Dialog.Id.RemoteTag)
            {
                (dialog, ack) = (Dialog, _ack);
            }
            else
            {
                fork = true;
                (dialog, ack, newFork) = ForkLocked(response);
            }
        }

        if (dialog is null || ack is null)
        {
            // A 2xx without To tag or Contact cannot form a dialog (§12.1.2); nothing to acknowledge into.
            _outcome.TrySetResult(new InviteOutcome(response, null, "2xx without To tag or Contact"));
            return;
        }

        if (fork)
        {
            // Each copy of a fork's 2xx gets its ACK; the first also ends that dialog.
            _core.SendAck(dialog, ack);
            if (newFork)
            {
                _ = _core.SendInDialogAsync(dialog, SipMethods.Bye);
            }
        }
        else if (first)
        {
            OnFirstAnswer(dialog, ack, response);
        }
        else
        {
            // A retransmission of the 2xx: acknowledged again, but never ahead of the first ACK, which waits for the
            // application to know the dialog.
            ResendAck();
        }
    }

    /// <summary>The first 2xx: the dialog becomes findable, the application hears of it, then the ACK leaves.</summary>
    private void OnFirstAnswer(Dialog dialog, SipRequest ack, SipResponse response)
    {
        _core.RegisterDialog(dialog, this, response);
        try
        {
            OnAnswered?.Invoke(dialog, response);
        }
        finally
        {
            SendFirstAck(dialog, ack);
        }

        bool cancelled;
        lock (_gate)
        {
            cancelled = _cancelRequested;
        }

        _outcome.TrySetResult(new InviteOutcome(response, dialog, null));
        if (cancelled)
        {
            // §9.1: a CANCEL that crossed a 2xx has no effect; the UAC ends the call with BYE.
            _ = _core.SendByeAsync(dialog);
        }
    }

    /// <summary>
    /// Sends <paramref name="send"/> (a request of ours in the answered dialog) now when the 2xx has been acknowledged,
    /// else right after the ACK: the peer learns the dialog is confirmed before anything else happens in it (§13.2.2.4).
    /// </summary>
    internal void AfterAck(Action send)
    {
        lock (_gate)
        {
            if (!_ackSent)
            {
                (_heldUntilAck ??= []).Add(send);
                return;
            }
        }

        send();
    }

    /// <summary>The ACK of the first 2xx, then whatever the application sent in the dialog while it was being told.</summary>
    private void SendFirstAck(Dialog dialog, SipRequest ack)
    {
        _core.SendAck(dialog, ack);
        List<Action>? held;
        lock (_gate)
        {
            _ackSent = true;
            held = _heldUntilAck;
            _heldUntilAck = null;
        }

        foreach (var send in held ?? [])
        {
            send();
        }
    }

    /// <summary>The dialog and ACK of a forked 2xx, created on its first arrival (then <c>IsNew</c>). Under the lock.</summary>
    private (Dialog? Dialog, SipRequest? Ack, bool IsNew) ForkLocked(SipResponse response)
    {
        if (response.To?.Tag is not { } tag)
        {
            return (null, null, false);
        }

        _forks ??= new Dictionary<string, (Dialog, SipRequest)>(StringComparer.Ordinal);
        if (_forks.TryGetValue(tag, out var known))
        {
            return (known.Dialog, known.Ack, false);
        }

        if (DialogFactory.CreateUac(Request, response, Destination) is not { } fork)
        {
            return (null, null, false);
        }

        var ack = _core.CreateAck(fork, Request);
        _forks[tag] = (fork, ack);
        return (fork, ack, true);
    }

    /// <summary>Acknowledges a retransmitted 2xx (§13.2.2.4) with the ACK already sent; nothing before that one left.</summary>
    internal void ResendAck()
    {
        SipRequest? ack;
        lock (_gate)
        {
            ack = _ackSent ? _ack : null;
        }

        if (ack is not null && Dialog is not null)
        {
            _core.SendAck(Dialog, ack);
        }
    }
}
