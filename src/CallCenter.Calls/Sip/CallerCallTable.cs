using System.Collections.Concurrent;
using CallCenter.Media.Transport;
using CallCenter.Sip.Core;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.Sip;

/// <summary>
/// The calls one handler answers as UAS (the call manager's flow calls, the feature-code calls), found by their INVITE
/// transaction until they end and by the dialog our 2xx created: every later event of the caller's side (CANCEL, ACK,
/// in-dialog requests, the end of the dialog) reaches the call that owns it.
/// </summary>
/// <typeparam name="TCall">The kind of call.</typeparam>
internal sealed class CallerCallTable<TCall>(UserAgentCore core, ILogger logger)
    where TCall : class
{
    private readonly ConcurrentDictionary<ServerTransaction, TCall> _byInvite = new();
    private readonly ConcurrentDictionary<DialogId, TCall> _byDialog = new();

    /// <summary>Calls in progress (from their INVITE until they end).</summary>
    public int Count => _byInvite.Count;

    /// <summary>
    /// Creates the call of <paramref name="invite"/> over a new caller leg and records it; the dialog our 2xx creates is
    /// mapped to it before the 2xx leaves (the ACK may follow within microseconds). When every RTP port pair is in use
    /// the INVITE is refused 503 with Retry-After (the server is full for now, RFC 3261 §21.5.4) and null returned.
    /// </summary>
    /// <param name="invite">The INVITE.</param>
    /// <param name="caller">The authenticated agent, or null for a caller from a trusted source.</param>
    /// <param name="create">Creates the call on its leg; may throw <see cref="RtpPortsExhaustedException"/>.</param>
    public TCall? Add(ServerTransaction invite, string? caller, Func<SipCallerLeg, TCall> create)
    {
        var leg = new SipCallerLeg(invite, core, caller);
        TCall call;
        try
        {
            call = create(leg);
        }
        catch (RtpPortsExhaustedException e)
        {
            logger.LogWarning("Refusing call {CallId}: {Reason}", leg.CallId, e.Message);
            var busy = invite.CreateResponse(503, "No media ports free");
            busy.Headers.Add(KnownHeader.RetryAfter, "5");
            invite.Respond(busy);
            return null;
        }

        leg.DialogCreated = dialog => _byDialog[dialog.Id] = call;
        _byInvite[invite] = call;
        return call;
    }

    /// <summary>The call of an INVITE still in progress.</summary>
    public TCall? Find(ServerTransaction invite) => _byInvite.GetValueOrDefault(invite);

    /// <summary>The call of a caller's dialog.</summary>
    public TCall? Find(DialogId dialog) => _byDialog.GetValueOrDefault(dialog);

    /// <summary>Takes the call of a dialog that ended out of the table; null when it is not one of these calls.</summary>
    public TCall? RemoveDialog(DialogId dialog) => _byDialog.TryRemove(dialog, out var call) ? call : null;

    /// <summary>
    /// The call on <paramref name="leg"/> has ended: it is no longer found by its INVITE, and, unless
    /// <paramref name="keepDialog"/> (its dialog's last events are still its own), not by its dialog either.
    /// </summary>
    public void Remove(SipCallerLeg leg, bool keepDialog)
    {
        _byInvite.TryRemove(leg.Invite, out _);
        if (!keepDialog && leg.Dialog is { } dialog)
        {
            _byDialog.TryRemove(dialog.Id, out _);
        }
    }
}
