using System.Globalization;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Core;

/// <summary>
/// Requests inside an established dialog (RFC 3261 §12.2.2): BYE, and the session changes (re-INVITE §14.2, UPDATE
/// RFC 3311) with their glare rules, answered through <see cref="AcceptReInvite"/> and <see cref="AcceptUpdate"/>.
/// </summary>
public sealed partial class UserAgentCore
{
    /// <summary>
    /// Answers a re-INVITE inside <paramref name="dialog"/> with a 2xx (§14.2): the same retransmission until the
    /// ACK as for the initial INVITE (§13.3.1.4), without creating another dialog. The 2xx gets our Contact and
    /// Supported, and the session timer the re-INVITE negotiated (RFC 4028 §9; a refresh starts a new interval).
    /// </summary>
    public bool AcceptReInvite(Dialog dialog, ServerTransaction reInvite, SipResponse ok)
    {
        PrepareInDialog2xx(dialog, reInvite, ok, SipMethods.Invite);
        dialog.StopRetransmitter();
        dialog.Retransmitter = Start2xxRetransmitter(dialog, reInvite, ok);
        if (!reInvite.Respond(ok))
        {
            dialog.StopRetransmitter();
            return false;
        }

        return true;
    }

    /// <summary>
    /// Answers an UPDATE inside <paramref name="dialog"/> with a 2xx (RFC 3311 §5.2): with the SDP answer when the
    /// UPDATE carried an offer, our Contact (UPDATE is a target refresh), Supported, and the session timer it
    /// negotiated (RFC 4028 §9: an UPDATE is a session refresh too).
    /// </summary>
    public bool AcceptUpdate(Dialog dialog, ServerTransaction update, SipResponse ok)
    {
        PrepareInDialog2xx(dialog, update, ok, SipMethods.Update);
        return update.Respond(ok);
    }

    /// <summary>§12.2.2: requests inside a dialog.</summary>
    private void OnInDialogRequest(ServerTransaction transaction)
    {
        var request = transaction.Request;
        var dialog = Dialogs.Find(request.CallId!, request.To!.Tag!, request.From!.Tag ?? string.Empty);
        if (dialog is null)
        {
            transaction.Respond(transaction.CreateResponse(481));
            return;
        }

        if (!dialog.TryAcceptRemoteSeq(request.CSeq!.Number))
        {
            transaction.Respond(transaction.CreateResponse(500, "CSeq out of order"));
            return;
        }

        if (request.Method == SipMethods.Bye)
        {
            // §15.1.2: end the session and answer 200 (ended first, so the application knows before the peer does).
            EndDialog(dialog, ByeFromPeer);
            transaction.Respond(transaction.CreateResponse(200));
            return;
        }

        if (request.Method is SipMethods.Invite or SipMethods.Update)
        {
            if (RefuseCrossingOffer(dialog, transaction))
            {
                return;
            }

            dialog.RefreshTarget(request);
            dialog.NotePeerAllow(request);
        }

        InviteHandler.OnInDialogRequest(dialog, transaction);
    }

    /// <summary>
    /// The glare rules. §14.2: a re-INVITE while a re-INVITE of ours is in progress gets 491 (and the peer retries
    /// after a random wait, §14.1), and one that arrives before we answered the peer's previous INVITE gets 500 with a
    /// Retry-After of 0–10 s. RFC 3311 §5.2 gives an UPDATE carrying an offer the same two answers. A 2xx of ours not
    /// yet acknowledged counts as an exchange in progress: it may carry our offer, whose answer comes in the ACK.
    /// </summary>
    private static bool RefuseCrossingOffer(Dialog dialog, ServerTransaction transaction)
    {
        var request = transaction.Request;
        InviteConflict conflict;
        if (request.Method == SipMethods.Invite)
        {
            conflict = dialog.TryBeginIncomingInvite(transaction);
        }
        else if (!request.Body.IsEmpty)
        {
            conflict = dialog.OfferConflict();
        }
        else
        {
            return false;
        }

        switch (conflict)
        {
            case InviteConflict.OursInProgress:
                transaction.Respond(transaction.CreateResponse(491));
                return true;
            case InviteConflict.TheirsInProgress:
                var busy = transaction.CreateResponse(500, "Previous INVITE still in progress");
                busy.Headers.Add(KnownHeader.RetryAfter, Random.Shared.Next(0, 11).ToString(CultureInfo.InvariantCulture));
                transaction.Respond(busy);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// What every 2xx to a re-INVITE or UPDATE needs before it leaves: our Contact and Supported, our SDP remembered for
    /// later refreshes, and the session timer the request negotiated.
    /// </summary>
    private void PrepareInDialog2xx(Dialog dialog, ServerTransaction transaction, SipResponse ok, string method)
    {
        if (!ok.IsSuccess || transaction.Request.Method != method)
        {
            throw new ArgumentException($"Expected a 2xx response to an {method}.", nameof(ok));
        }

        AddContactAndSupported(ok, transaction.Source);
        RecordLocalSessionDescription(dialog, ok);
        ApplySessionTimer(dialog, transaction.Request, ok);
    }

    /// <summary>Our Contact (§12.1.1, needed in every 2xx that sets or refreshes a target) and what we support (§20.37).</summary>
    private void AddContactAndSupported(SipResponse ok, SipRemote source)
    {
        if (!ok.Headers.Contains(KnownHeader.Contact))
        {
            ok.Headers.Add(KnownHeader.Contact, ContactFor(source));
        }

        if (!ok.Headers.Contains(KnownHeader.Supported) && Capabilities.SupportedExtensions.Count > 0)
        {
            ok.Headers.Add(KnownHeader.Supported, Capabilities.SupportedHeaderValue);
        }
    }

    /// <summary>Remembers the SDP <paramref name="message"/> carries as ours in the dialog (for refreshes by re-INVITE).</summary>
    private static void RecordLocalSessionDescription(Dialog dialog, SipMessage message)
    {
        if (!message.Body.IsEmpty && message.ContentType is { } type && type.StartsWith("application/sdp", StringComparison.OrdinalIgnoreCase))
        {
            dialog.LocalSessionDescription = message.Body;
        }
    }
}
