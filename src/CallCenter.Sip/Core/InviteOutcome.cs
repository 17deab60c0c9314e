using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.Core;

/// <summary>How an INVITE we sent ended.</summary>
/// <param name="Response">The final response (null when the transaction failed without one).</param>
/// <param name="Dialog">The confirmed dialog for a 2xx (already acknowledged), else null.</param>
/// <param name="Failure">Timeout or transport error when no final response came.</param>
public sealed record InviteOutcome(SipResponse? Response, Dialog? Dialog, string? Failure)
{
    /// <summary>True for a 2xx with a dialog.</summary>
    public bool IsAnswered => Dialog is not null;

    /// <summary>The final status, or 408 (timeout, §8.1.3.1) / 503 (transport error, §8.1.3.1) when there was none.</summary>
    public int StatusCode => Response?.StatusCode ?? (Failure == "timeout" ? 408 : 503);
}
