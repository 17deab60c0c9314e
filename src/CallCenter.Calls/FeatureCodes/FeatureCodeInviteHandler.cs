using System.Collections.Concurrent;
using CallCenter.Calls.Actor;
using CallCenter.Calls.Media;
using CallCenter.Calls.Routing;
using CallCenter.Calls.Sip;
using CallCenter.Sip.Core;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.FeatureCodes;

/// <summary>
/// Answers agents' calls to feature codes (<c>*21</c> log in, <c>*22</c> log out, <c>*23</c> pause, <c>*24</c>
/// unpause by default) and passes every other INVITE, and every event of dialogs that are not its own, to the call
/// handler it wraps. Installed in front of that handler on the UA core with <see cref="Install"/>.
/// </summary>
public sealed class FeatureCodeInviteHandler : IInviteHandler
{
    private readonly UserAgentCore _core;
    private readonly IInviteHandler _calls;
    private readonly FeatureCodeCatalog _catalog;
    private readonly IContactCentre _centre;
    private readonly ICallMediaFactory _media;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action<Action> _dispatch;
    private readonly ConcurrentDictionary<ServerTransaction, FeatureCodeCall> _byInvite = new();
    private readonly ConcurrentDictionary<DialogId, FeatureCodeCall> _byDialog = new();

    /// <summary>Creates the handler; <see cref="Install"/> puts it on the core.</summary>
    /// <param name="core">The UA core whose INVITEs arrive here.</param>
    /// <param name="calls">The handler of every call that is not a feature code (the call manager).</param>
    /// <param name="catalog">The feature codes.</param>
    /// <param name="centre">Routing, which applies the state changes.</param>
    /// <param name="media">Creates the media of each feature-code call.</param>
    /// <param name="time">Clock of each call's time limit.</param>
    /// <param name="logger">Log.</param>
    /// <param name="dispatch">Where call events run (the thread pool; tests pass an inline dispatcher).</param>
    public FeatureCodeInviteHandler(
        UserAgentCore core,
        IInviteHandler calls,
        FeatureCodeCatalog catalog,
        IContactCentre centre,
        ICallMediaFactory media,
        TimeProvider time,
        ILogger<FeatureCodeInviteHandler> logger,
        Action<Action>? dispatch = null)
    {
        _core = core;
        _calls = calls;
        _catalog = catalog;
        _centre = centre;
        _media = media;
        _time = time;
        _logger = logger;
        _dispatch = dispatch ?? SerialExecutor.ThreadPoolDispatch;
    }

    /// <summary>Feature-code calls in progress.</summary>
    public int ActiveCalls => _byInvite.Count;

    /// <summary>Makes this handler the core's; the wrapped handler then only sees what is not a feature code.</summary>
    public void Install() => _core.InviteHandler = this;

    /// <inheritdoc />
    public void OnInvite(ServerTransaction invite, string? caller)
    {
        var dialled = invite.Request.RequestUri?.UnescapedUser;
        if (!_catalog.TryFind(dialled, out var code))
        {
            _calls.OnInvite(invite, caller);
            return;
        }

        if (caller is null)
        {
            // Only an agent proven by digest (RFC 3261 §22) may change an agent's state; the public may not.
            invite.Respond(invite.CreateResponse(403, "Feature codes are for agents"));
            return;
        }

        var leg = new SipCallerLeg(invite, _core, caller);
        FeatureCodeCall call;
        try
        {
            call = new FeatureCodeCall(leg, caller, code!, _centre, _media, _catalog.Options.MaxCallDuration, _time, _logger, _dispatch, OnCallEnded);
        }
        catch (CallCenter.Media.Transport.RtpPortsExhaustedException e)
        {
            _logger.LogWarning("Refusing feature-code call {CallId}: {Reason}", leg.CallId, e.Message);
            var busy = invite.CreateResponse(503, "No media ports free");
            busy.Headers.Add(KnownHeader.RetryAfter, "5");
            invite.Respond(busy);
            return;
        }

        leg.DialogCreated = dialog => _byDialog[dialog.Id] = call;
        _byInvite[invite] = call;
        call.Start();
    }

    /// <inheritdoc />
    public void OnCancelled(ServerTransaction invite)
    {
        if (_byInvite.TryGetValue(invite, out var call))
        {
            call.OnHangup();
            return;
        }

        _calls.OnCancelled(invite);
    }

    /// <inheritdoc />
    public void OnAck(Dialog dialog, SipRequest ack)
    {
        if (_byDialog.TryGetValue(dialog.Id, out var call))
        {
            call.OnAck(SdpBody.Read(ack));
            return;
        }

        _calls.OnAck(dialog, ack);
    }

    /// <inheritdoc />
    public void OnInDialogRequest(Dialog dialog, ServerTransaction transaction)
    {
        if (!_byDialog.ContainsKey(dialog.Id))
        {
            _calls.OnInDialogRequest(dialog, transaction);
            return;
        }

        // The call lasts a few seconds and its session never changes: a re-INVITE or UPDATE is refused (RFC 3261
        // §14.2 lets a UAS reject a re-INVITE, the session then stays as it was); anything else is acknowledged.
        var refuse = transaction.Request.Method is SipMethods.Invite or SipMethods.Update;
        transaction.Respond(transaction.CreateResponse(refuse ? 488 : 200));
    }

    /// <inheritdoc />
    public void OnDialogEnded(Dialog dialog, string reason)
    {
        if (_byDialog.TryRemove(dialog.Id, out var call))
        {
            if (reason != UserAgentCore.ByeSent)
            {
                call.OnHangup();
            }

            return;
        }

        _calls.OnDialogEnded(dialog, reason);
    }

    // The dialog's entry stays until the dialog itself ends (our BYE or theirs): its last events are still ours.
    private void OnCallEnded(FeatureCodeCall call) => _byInvite.TryRemove(((SipCallerLeg)call.Signalling).Invite, out _);
}
