using CallCenter.Sip.Core;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Tests.Core.Support;

/// <summary>An <see cref="IInviteHandler"/> that records every call and answers as the test scripts it.</summary>
internal sealed class RecordingInviteHandler : IInviteHandler
{
    private readonly List<string> _events = [];

    /// <summary>What to do with a new INVITE; by default nothing (the call keeps ringing).</summary>
    public Action<ServerTransaction, string?>? WhenInvite { get; set; }

    /// <summary>What to do with an in-dialog request; by default answer 200.</summary>
    public Action<Dialog, ServerTransaction> WhenInDialogRequest { get; set; } =
        (_, transaction) => transaction.Respond(transaction.CreateResponse(200));

    public ServerTransaction? LastInvite { get; private set; }

    public List<Dialog> EndedDialogs { get; } = [];

    /// <summary>One line per call: "invite 1001", "cancelled", "ack", "in-dialog INFO", "ended BYE from peer"…</summary>
    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Answers every INVITE 200 with an SDP answer through <see cref="UserAgentCore.Accept"/>.</summary>
    public static RecordingInviteHandler Answering(UserAgentCore core)
    {
        var handler = new RecordingInviteHandler();
        handler.WhenInvite = (invite, _) =>
        {
            var ok = invite.CreateResponse(200);
            ok.Headers.Add(KnownHeader.ContentType, "application/sdp");
            ok.Body = System.Text.Encoding.UTF8.GetBytes(Softphone.Sdp);
            handler.AcceptedDialog = core.Accept(invite, ok);
        };
        return handler;
    }

    /// <summary>The dialog <see cref="Answering"/> created.</summary>
    public Dialog? AcceptedDialog { get; private set; }

    public void OnInvite(ServerTransaction invite, string? caller)
    {
        LastInvite = invite;
        Record($"invite {caller}");
        WhenInvite?.Invoke(invite, caller);
    }

    public void OnCancelled(ServerTransaction invite) => Record("cancelled");

    public void OnAck(Dialog dialog, SipRequest ack) => Record("ack");

    public void OnInDialogRequest(Dialog dialog, ServerTransaction transaction)
    {
        Record($"in-dialog {transaction.Request.Method}");
        WhenInDialogRequest(dialog, transaction);
    }

    public void OnDialogEnded(Dialog dialog, string reason)
    {
        lock (_events)
        {
            EndedDialogs.Add(dialog);
        }

        Record($"ended {reason}");
    }

    private void Record(string line)
    {
        lock (_events)
        {
            _events.Add(line);
        }
    }
}
