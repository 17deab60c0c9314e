using CallCenter.Calls.Legs;
using CallCenter.Sip.Core;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;

namespace CallCenter.Calls.Sip;

/// <summary>The caller's leg over the UA core: the INVITE server transaction, then the dialog our 2xx creates.</summary>
internal sealed class SipCallerLeg(ServerTransaction invite, UserAgentCore core, string? caller) : ICallerSignalling
{
    private CallerIdentity? _number;

    /// <summary>The dialog once answered (null before, or when the answer could not be sent).</summary>
    public Dialog? Dialog { get; private set; }

    public ServerTransaction Invite => invite;

    public string CallId => invite.Request.CallId!;

    /// <summary>
    /// The authenticated agent, else the caller's number: P-Asserted-Identity from a trusted trunk, else From; null for
    /// an anonymous or withheld caller (RFC 3323, RFC 3325), so nothing offers to call back a number we do not have.
    /// </summary>
    public string? Caller => caller ?? (_number ??= core.ResolveCaller(invite)).Number;

    public string Dialled => invite.Request.RequestUri?.UnescapedUser ?? string.Empty;

    public string? Offer => SdpBody.Read(invite.Request);

    /// <summary>Raised with the dialog just before the 2xx goes out, so the manager has mapped it to the call when the ACK comes.</summary>
    public Action<Dialog>? DialogCreated { get; set; }

    public void Answer(string sdp)
    {
        var ok = invite.CreateResponse(200);
        SdpBody.Attach(ok, sdp);
        // Recorded before the 2xx leaves, like the manager's map: the ACK or a BYE may follow within microseconds.
        Dialog = core.Accept(invite, ok, dialog =>
        {
            Dialog = dialog;
            DialogCreated?.Invoke(dialog);
        });
    }

    public void Reject(int statusCode, string? warning = null)
    {
        var response = invite.CreateResponse(statusCode);
        if (warning is not null)
        {
            response.Headers.Add(KnownHeader.Warning, warning);
        }

        invite.Respond(response);
    }

    public void Hangup()
    {
        if (Dialog is { } dialog)
        {
            _ = core.SendByeAsync(dialog);
        }
        else
        {
            // Not answered yet: the only way to end it is a final response (§13.3.1).
            invite.Respond(invite.CreateResponse(480));
        }
    }
}
