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
/// <param name="core">The UA core whose INVITEs arrive here.</param>
/// <param name="calls">The handler of every call that is not a feature code (the call manager).</param>
/// <param name="catalog">The feature codes.</param>
/// <param name="centre">Routing, which applies the state changes.</param>
/// <param name="media">Creates the media of each feature-code call.</param>
/// <param name="time">Clock of each call's time limit.</param>
/// <param name="logger">Log.</param>
/// <param name="dispatch">Where call events run (the thread pool; tests pass an inline dispatcher).</param>
public sealed class FeatureCodeInviteHandler(
    UserAgentCore core,
    IInviteHandler calls,
    FeatureCodeCatalog catalog,
    IContactCentre centre,
    ICallMediaFactory media,
    TimeProvider time,
    ILogger<FeatureCodeInviteHandler> logger,
    Action<Action>? dispatch = null) : IInviteHandler
{
    private readonly Action<Action> _dispatch = dispatch ?? SerialExecutor.ThreadPoolDispatch;
    private readonly CallerCallTable<FeatureCodeCall> _codeCalls = new(core, logger);

    /// <summary>Feature-code calls in progress.</summary>
    public int ActiveCalls => _codeCalls.Count;

    /// <summary>Makes this handler the core's; the wrapped handler then only sees what is not a feature code.</summary>
    public void Install() => core.InviteHandler = this;

    /// <inheritdoc />
    public void OnInvite(ServerTransaction invite, string? caller)
    {
        var dialled = invite.Request.RequestUri?.UnescapedUser;
        if (!catalog.TryFind(dialled, out var code))
        {
            calls.OnInvite(invite, caller);
            return;
        }

        if (caller is null)
        {
            // Only an agent proven by digest (RFC 3261 §22) may change an agent's state; the public may not.
            invite.Respond(invite.CreateResponse(403, "Feature codes are for agents"));
            return;
        }

        var call = _codeCalls.Add(
            invite,
            caller,
            leg => new FeatureCodeCall(leg, caller, code!, centre, media, catalog.Options.MaxCallDuration, time, logger, _dispatch, OnCallEnded));
        call?.Start();
    }

    /// <inheritdoc />
    public void OnCancelled(ServerTransaction invite)
    {
        if (_codeCalls.Find(invite) is { } call)
        {
            call.OnHangup();
            return;
        }

        calls.OnCancelled(invite);
    }

    /// <inheritdoc />
    public void OnAck(Dialog dialog, SipRequest ack)
    {
        if (_codeCalls.Find(dialog.Id) is { } call)
        {
            call.OnAck(SdpBody.Read(ack));
            return;
        }

        calls.OnAck(dialog, ack);
    }

    /// <inheritdoc />
    public void OnInDialogRequest(Dialog dialog, ServerTransaction transaction)
    {
        if (_codeCalls.Find(dialog.Id) is null)
        {
            calls.OnInDialogRequest(dialog, transaction);
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
        if (_codeCalls.RemoveDialog(dialog.Id) is { } call)
        {
            if (reason != UserAgentCore.ByeSent)
            {
                call.OnHangup();
            }

            return;
        }

        calls.OnDialogEnded(dialog, reason);
    }

    // The dialog's entry stays until the dialog itself ends (our BYE or theirs): its last events are still ours.
    private void OnCallEnded(FeatureCodeCall call) => _codeCalls.Remove((SipCallerLeg)call.Signalling, keepDialog: true);
}
