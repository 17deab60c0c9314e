using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Core;

/// <summary>
/// What the application does with calls. The UA core has already authenticated the caller and checked
/// the request; the handler answers through <see cref="UserAgentCore.Accept"/> (2xx, which creates the
/// dialog and retransmits until the ACK) or <see cref="ServerTransaction.Respond"/> (anything else).
/// Calls for one transaction arrive in order; implementations must not block.
/// </summary>
public interface IInviteHandler
{
    /// <summary>A new INVITE (no To tag) from <paramref name="caller"/> (the authenticated user, or null for trusted sources).</summary>
    void OnInvite(ServerTransaction invite, string? caller);

    /// <summary>The caller cancelled before a final response; the core answers 487 after this returns.</summary>
    void OnCancelled(ServerTransaction invite);

    /// <summary>The ACK for our 2xx arrived: the dialog is confirmed. Reported once per INVITE, however many copies arrive.</summary>
    void OnAck(Dialog dialog, SipRequest ack);

    /// <summary>
    /// A request inside an established dialog other than ACK and BYE (re-INVITE, INFO, UPDATE, OPTIONS). The core has
    /// already refused what it can decide alone: a malformed or too short session timer (400, 422; RFC 4028) and an
    /// offer crossing one in progress (491, or 500 with Retry-After; RFC 3261 §14.2, RFC 3311 §5.2). A 2xx to a
    /// re-INVITE or UPDATE goes through <see cref="UserAgentCore.AcceptReInvite"/> or <see cref="UserAgentCore.AcceptUpdate"/>.
    /// </summary>
    void OnInDialogRequest(Dialog dialog, ServerTransaction transaction);

    /// <summary>
    /// The dialog ended: BYE from the peer (<see cref="UserAgentCore.ByeFromPeer"/>), our own BYE
    /// (<see cref="UserAgentCore.ByeSent"/>), no ACK for our 2xx (<see cref="UserAgentCore.NoAck"/>, §13.3.1.4), or a
    /// session timer that ran out or could not be refreshed (<see cref="UserAgentCore.SessionExpired"/>, RFC 4028 §10).
    /// </summary>
    void OnDialogEnded(Dialog dialog, string reason);
}
