using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Core;

/// <summary>
/// The call handler used when the application installs none: every new call is refused with
/// 480 Temporarily Unavailable (§21.4.18), and requests in unknown sessions are answered sensibly.
/// </summary>
public sealed class RefuseCallsHandler : IInviteHandler
{
    /// <summary>The shared instance.</summary>
    public static readonly RefuseCallsHandler Instance = new();

    /// <inheritdoc />
    public void OnInvite(ServerTransaction invite, string? caller) =>
        invite.Respond(invite.CreateResponse(480, "No call handling configured"));

    /// <inheritdoc />
    public void OnCancelled(ServerTransaction invite)
    {
    }

    /// <inheritdoc />
    public void OnAck(Dialog dialog, SipRequest ack)
    {
    }

    /// <inheritdoc />
    public void OnInDialogRequest(Dialog dialog, ServerTransaction transaction) =>
        transaction.Respond(transaction.CreateResponse(transaction.Request.Method == SipMethods.Invite ? 488 : 200));

    /// <inheritdoc />
    public void OnDialogEnded(Dialog dialog, string reason)
    {
    }
}
