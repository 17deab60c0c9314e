using System.Text;
using CallCenter.Sip.Core;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.Tests.Core.Support;

/// <summary>
/// Calls from a member of the public (no credentials; the core accepts anonymous callers), answered by a handler that
/// accepts session changes through the core the way the application does, so the core's in-dialog rules apply.
/// </summary>
internal static class CallerCalls
{
    public const string AllowWithUpdate = "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE\r\n";

    /// <summary>A handler that answers INVITEs 200 and re-INVITEs / UPDATEs through <see cref="UserAgentCore.AcceptReInvite"/> and <see cref="UserAgentCore.AcceptUpdate"/>.</summary>
    public static RecordingInviteHandler AcceptingHandler(CoreHarness harness)
    {
        harness.Core.AcceptAnonymousCallers = true;
        var handler = RecordingInviteHandler.Answering(harness.Core);
        handler.WhenInDialogRequest = (dialog, transaction) => AcceptSessionChange(harness.Core, dialog, transaction);
        harness.Core.InviteHandler = handler;
        return handler;
    }

    public static void AcceptSessionChange(UserAgentCore core, Dialog dialog, ServerTransaction transaction)
    {
        var ok = transaction.CreateResponse(200);
        switch (transaction.Request.Method)
        {
            case SipMethods.Invite:
                ok.Headers.Add(KnownHeader.ContentType, "application/sdp");
                ok.Body = Encoding.UTF8.GetBytes(Softphone.Sdp);
                core.AcceptReInvite(dialog, transaction, ok);
                break;
            case SipMethods.Update:
                core.AcceptUpdate(dialog, transaction, ok);
                break;
            default:
                transaction.Respond(ok);
                break;
        }
    }

    /// <summary>An INVITE from <paramref name="caller"/> with an SDP offer and <paramref name="extraHeaders"/>.</summary>
    public static SipRequest Invite(Softphone caller, string extraHeaders = "", string callId = "caller-call@127.0.0.1") =>
        caller.Request(SipMethods.Invite, $"sip:support@{CoreHarness.Domain}", callId, 1, $"<sip:support@{CoreHarness.Domain}>",
            extraHeaders: $"Contact: <{caller.ContactUri}>\r\n" + extraHeaders, body: Softphone.Sdp);

    /// <summary>Sends the INVITE and returns it with its final response (not acknowledged).</summary>
    public static async Task<(SipRequest Invite, SipResponse Final)> CallAsync(Softphone caller, string extraHeaders = "")
    {
        var invite = Invite(caller, extraHeaders);
        return (invite, await caller.Phone.SendAndGetFinalAsync(invite));
    }

    /// <summary>An answered and acknowledged call.</summary>
    public static async Task<(SipRequest Invite, SipResponse Ok)> AnsweredAsync(Softphone caller, string extraHeaders = "")
    {
        var (invite, ok) = await CallAsync(caller, extraHeaders);
        Assert.Equal(200, ok.StatusCode);
        caller.Phone.Send(caller.Ack(invite, ok));
        return (invite, ok);
    }
}
