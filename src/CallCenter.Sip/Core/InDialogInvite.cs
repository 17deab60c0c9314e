using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.Core;

/// <summary>
/// A re-INVITE we sent inside a dialog (RFC 3261 §14.1), as the transaction's user: completes with the final
/// response, and acknowledges every 2xx (§13.2.2.4: the ACK of a 2xx is the UAC core's job, for a re-INVITE as for the
/// first INVITE), retransmissions included, which the transaction passes up while Accepted (RFC 6026 §8.4). Until the
/// final response the dialog counts it as an INVITE in progress (§14.2).
/// </summary>
internal sealed class InDialogInvite(UserAgentCore core, Dialog dialog, SipRequest request, TaskCreationOptions continuations)
{
    private readonly TaskCompletionSource<SipResponse?> _completion = new(continuations);
    private SipRequest? _ack;

    /// <summary>Completes with the final response, or null when the transaction failed without one.</summary>
    public Task<SipResponse?> Completion => _completion.Task;

    public void OnResponse(SipResponse response)
    {
        if (response.IsProvisional)
        {
            return;
        }

        if (response.IsSuccess)
        {
            // Built once: every retransmission of the 2xx gets the same ACK (§13.2.2.4).
            var ack = LazyInitializer.EnsureInitialized(ref _ack, () => core.CreateAck(dialog, request));
            dialog.ReInviteAck = ack;
            core.SendAck(dialog, ack);
        }

        dialog.EndOutgoingInvite();
        _completion.TrySetResult(response);
    }

    public void OnFailure()
    {
        dialog.EndOutgoingInvite();
        _completion.TrySetResult(null);
    }
}
