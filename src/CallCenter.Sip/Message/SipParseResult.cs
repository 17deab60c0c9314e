namespace CallCenter.Sip.Message;

/// <summary>
/// Outcome of parsing one message. Three cases:
/// success (<see cref="Message"/> set, <see cref="Error"/> null); a request or response whose header
/// section could be read but which is invalid (both set: answer a request with 400 and the error as
/// reason, drop a response); or nothing usable (<see cref="Message"/> null: drop and count).
/// </summary>
public readonly record struct SipParseResult(SipMessage? Message, string? Error)
{
    /// <summary>True when the message parsed without error.</summary>
    public bool Success => Message is not null && Error is null;

    internal static SipParseResult Fail(string error) => new(null, error);
}
