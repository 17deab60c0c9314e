using CallCenter.Sip.Core;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.Tests.Message.Support;

/// <summary>What the server does with one received message.</summary>
public enum Outcome
{
    /// <summary>Handed on: a request to the UAS core, a response to its client transaction.</summary>
    Accept,

    /// <summary>A request answered with an error status.</summary>
    Reject,

    /// <summary>Discarded without an answer.</summary>
    Drop,
}

/// <summary>
/// The inbound decisions in the order the stack makes them: <see cref="SipParser"/>, then
/// <see cref="SipMessageValidator"/>, then <see cref="UasRequestChecks"/>. A request that fails parsing is answered
/// 400 with the parse error as reason; an ACK is never answered; a bad response is dropped (§18.1.2). Whether an
/// answer can be delivered (it needs a readable top Via, §18.2.2) is the stack's business, checked separately.
/// </summary>
public sealed record ServerVerdict(Outcome Outcome, int StatusCode, string Reason, SipMessage? Message, UasRejection? Rejection)
{
    public static ServerVerdict For(byte[] data, UasCapabilities? capabilities = null, bool forwarding = false)
    {
        var parsed = SipParser.Parse(data);
        switch (parsed.Message)
        {
            case null:
                return new(Outcome.Drop, 0, parsed.Error ?? string.Empty, null, null);
            case SipResponse response:
                var responseError = parsed.Error ?? SipMessageValidator.ValidateResponse(response);
                return responseError is null
                    ? new(Outcome.Accept, 0, string.Empty, response, null)
                    : new(Outcome.Drop, 0, responseError, response, null);
        }

        var request = (SipRequest)parsed.Message;
        var failure = parsed.Error is null ? SipMessageValidator.Validate(request) : new SipMessageValidator.Failure(400, parsed.Error);
        if (failure is { } refused)
        {
            var outcome = request.Method == SipMethods.Ack ? Outcome.Drop : Outcome.Reject;
            return new(outcome, refused.StatusCode, refused.Reason, request, null);
        }

        var rejection = UasRequestChecks.Check(request, capabilities ?? UasCapabilities.Default, forwarding);
        return rejection is null
            ? new(Outcome.Accept, 0, string.Empty, request, null)
            : new(Outcome.Reject, rejection.StatusCode, rejection.ReasonPhrase + " (" + rejection.Detail + ")", request, rejection);
    }

    public SipRequest Request => (SipRequest)Message!;

    public SipResponse Response => (SipResponse)Message!;
}
