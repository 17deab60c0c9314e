using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Registrar;
using CallCenter.Sip.SessionTimers;
using CallCenter.Sip.Stack;
using CallCenter.Sip.Transactions;
using Microsoft.Extensions.Logging;

namespace CallCenter.Sip.Core;

/// <summary>
/// The UA core (RFC 3261 §8, §12–§14) above the transaction layer: checks each new request (§8.2),
/// authenticates REGISTER and INVITE, answers OPTIONS (§11.2), runs the registrar, keeps dialogs and
/// hands calls to the <see cref="IInviteHandler"/>. It also sends our own requests (<see cref="UserAgentCore"/>
/// UAC half in <c>UserAgentCore.Client.cs</c>).
/// </summary>
public sealed partial class UserAgentCore : ITransactionUser
{
    private readonly SipStack _stack;
    private readonly RequestAuthenticator _authenticator;
    private readonly RegistrarService _registrar;
    private readonly ILogger _logger;
    private readonly LocalAddressResolver _localAddresses;

    /// <summary>Creates the core for <paramref name="stack"/>; call <see cref="AttachTo"/> before the stack starts.</summary>
    public UserAgentCore(SipStack stack, RequestAuthenticator authenticator, RegistrarService registrar, ILogger<UserAgentCore> logger)
    {
        _stack = stack;
        _authenticator = authenticator;
        _registrar = registrar;
        _logger = logger;
        _localAddresses = new LocalAddressResolver(stack.Options.PublicAddress);
    }

    /// <summary>The reason <see cref="IInviteHandler.OnDialogEnded"/> gives when the peer sent BYE.</summary>
    public const string ByeFromPeer = "BYE from peer";

    /// <summary>The reason <see cref="IInviteHandler.OnDialogEnded"/> gives when we sent the BYE.</summary>
    public const string ByeSent = "BYE sent";

    /// <summary>The reason <see cref="IInviteHandler.OnDialogEnded"/> gives when our 2xx was never acknowledged (§13.3.1.4).</summary>
    public const string NoAck = "no ACK";

    /// <summary>What we implement and accept (Allow, Supported, Accept).</summary>
    public UasCapabilities Capabilities { get; init; } = UasCapabilities.Default;

    /// <summary>
    /// Whether callers who are not our users may call without credentials from any address (see <see cref="OnInvite"/>);
    /// without it only <see cref="TrustedSources"/> may.
    /// </summary>
    public bool AcceptAnonymousCallers { get; set; }

    /// <summary>The application's call handling; refuses calls until one is installed.</summary>
    public IInviteHandler InviteHandler { get; set; } = RefuseCallsHandler.Instance;

    /// <summary>Live dialogs.</summary>
    public DialogTable Dialogs { get; } = new();

    /// <summary>Raised after each authentication decision with its outcome label (for metrics).</summary>
    public event Action<string>? Authenticated;

    /// <summary>Installs this core as the stack's transaction user.</summary>
    public void AttachTo(SipStack stack) => stack.Attach(this);

    /// <inheritdoc />
    public void OnRequest(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if ((UasRequestChecks.Check(request, Capabilities) ?? SessionTimerNegotiation.Check(request, SessionTimers)) is { } rejection)
        {
            transaction.Respond(rejection.CreateResponse(request, transaction.LocalTag));
            return;
        }

        // REGISTER never belongs to a dialog (§10.2: some phones copy the To tag of an earlier 200 into refreshes).
        if (request.To!.Tag is not null && request.Method != SipMethods.Register)
        {
            OnInDialogRequest(transaction);
            return;
        }

        switch (request.Method)
        {
            case SipMethods.Options:
                transaction.Respond(CreateOptionsResponse(transaction));
                break;
            case SipMethods.Register:
                OnRegister(transaction);
                break;
            case SipMethods.Invite:
                OnInvite(transaction);
                break;
            default:
                // BYE, INFO, UPDATE… outside any dialog (§12.2.2 / §15.1.2).
                transaction.Respond(transaction.CreateResponse(481));
                break;
        }
    }

    /// <inheritdoc />
    public void OnCancel(ServerTransaction invite, SipRequest cancel)
    {
        InviteHandler.OnCancelled(invite);

        // §9.2: the UAS answers the INVITE 487 if it has not sent a final response yet (Respond is a no-op otherwise).
        invite.Respond(invite.CreateResponse(487));
    }

    /// <inheritdoc />
    public void OnAck(SipRequest ack, SipRemote source, ServerTransaction? transaction)
    {
        if (ack.From?.Tag is not { } remoteTag || ack.To?.Tag is not { } localTag || ack.CSeq is not { } cseq
            || Dialogs.Find(ack.CallId!, localTag, remoteTag) is not { } dialog)
        {
            return;
        }

        // §13.3.1.4: an ACK stops the retransmission of the 2xx to its own INVITE (same CSeq number), never a later one's.
        dialog.StopRetransmitterFor(cseq.Number);
        if (dialog.TryAcceptAck(cseq.Number))
        {
            InviteHandler.OnAck(dialog, ack);
        }
    }

    /// <summary>
    /// Answers an INVITE with a 2xx (§13.3.1.4): adds our Contact, creates the dialog and retransmits
    /// the 2xx until the ACK arrives; with no ACK after 64·T1 the dialog is ended with BYE.
    /// </summary>
    /// <param name="invite">The INVITE server transaction.</param>
    /// <param name="ok">The 2xx to send.</param>
    /// <param name="onDialogCreated">
    /// Called with the new dialog BEFORE the 2xx leaves: the ACK (§13.3.1.4) can arrive on a receive thread before
    /// this method returns, and the application must already be able to find its call by the dialog.
    /// </param>
    public Dialog? Accept(ServerTransaction invite, SipResponse ok, Action<Dialog>? onDialogCreated = null)
    {
        if (!ok.IsSuccess)
        {
            throw new ArgumentException("Accept takes a 2xx response.", nameof(ok));
        }

        AddContactAndSupported(ok, invite.Source);
        var dialog = DialogFactory.CreateUas(invite.Request, ok, invite.Source);
        if (dialog is null || !Dialogs.TryAdd(dialog))
        {
            invite.Respond(invite.CreateResponse(400, "INVITE without From tag or Contact"));
            return null;
        }

        dialog.NotePeerAllow(invite.Request);
        RecordLocalSessionDescription(dialog, ok);
        ApplySessionTimer(dialog, invite.Request, ok);
        onDialogCreated?.Invoke(dialog);

        // Armed before the 2xx leaves: on a fast network the ACK can arrive (on a receive thread) before Respond
        // returns, and OnAck must then find the retransmitter to stop. Its first action is due only after T1.
        dialog.Retransmitter = Start2xxRetransmitter(dialog, invite, ok);
        if (!invite.Respond(ok))
        {
            dialog.StopRetransmitter();
            dialog.StopSessionTimer();
            Dialogs.Remove(dialog);
            return null;
        }

        return dialog;
    }

    /// <summary>
    /// §13.3.1.4: retransmits our 2xx to an INVITE (the first or a re-INVITE) until its ACK arrives; with no ACK after
    /// 64·T1 the dialog is ended with BYE.
    /// </summary>
    private Uas2xxRetransmitter Start2xxRetransmitter(Dialog dialog, ServerTransaction invite, SipResponse ok) =>
        Uas2xxRetransmitter.Start(invite, ok, _stack.Options.Timers, _stack.Time, () =>
        {
            _logger.LogWarning("No ACK for the 2xx to INVITE {CSeq} in dialog {Dialog}; ending it", invite.Request.CSeq!.Number, dialog.Id);
            _ = EndWithByeAsync(dialog, NoAck);
        });

    private void OnRegister(ServerTransaction transaction)
    {
        var decision = Authenticate(transaction);
        if (decision.IsAuthorized)
        {
            transaction.Respond(_registrar.Handle(transaction.Request, transaction.Source, decision.Username!, transaction.LocalTag));
        }
    }

    /// <summary>
    /// An INVITE claiming to come from one of our users (an agent) must prove it (§22); anyone else is a caller,
    /// accepted without credentials when it comes from a trusted provider (a trunk's addresses) or when
    /// <see cref="AcceptAnonymousCallers"/> is set (members of the public dial our published numbers directly; the call
    /// handler only answers configured numbers). Other unknown sources are challenged, which they cannot answer.
    /// </summary>
    private void OnInvite(ServerTransaction transaction)
    {
        if (MayCallWithoutCredentials(transaction))
        {
            InviteHandler.OnInvite(transaction, null);
            return;
        }

        var decision = Authenticate(transaction);
        if (decision.IsAuthorized)
        {
            InviteHandler.OnInvite(transaction, decision.Username);
        }
    }

    /// <summary>Authenticates; when refused, the challenge or refusal has already been sent.</summary>
    private AuthDecision Authenticate(ServerTransaction transaction)
    {
        var decision = _authenticator.Authenticate(transaction.Request, transaction.LocalTag);
        Authenticated?.Invoke(decision.Outcome);
        if (decision.Response is { } refusal)
        {
            transaction.Respond(refusal);
        }

        return decision;
    }

    /// <summary>Removes the dialog and tells the handler; false (and silence) when it had already ended.</summary>
    private bool EndDialog(Dialog dialog, string reason)
    {
        dialog.StopRetransmitter();
        dialog.StopSessionTimer();
        if (!Dialogs.Remove(dialog))
        {
            return false;
        }

        InviteHandler.OnDialogEnded(dialog, reason);
        return true;
    }

    /// <summary>§11.2: 200 with what we allow, accept and support.</summary>
    private SipResponse CreateOptionsResponse(ServerTransaction transaction)
    {
        var response = transaction.CreateResponse(200);
        response.Headers.Add(KnownHeader.Allow, Capabilities.AllowHeaderValue);
        response.Headers.Add(KnownHeader.Accept, Capabilities.AcceptHeaderValue);
        response.Headers.Add(KnownHeader.AcceptEncoding, "identity");
        response.Headers.Add(KnownHeader.AcceptLanguage, "en");
        if (Capabilities.SupportedExtensions.Count > 0)
        {
            response.Headers.Add(KnownHeader.Supported, Capabilities.SupportedHeaderValue);
        }

        response.Headers.Add(KnownHeader.Server, _stack.Options.ProductName);
        return response;
    }
}
