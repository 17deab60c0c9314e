using CallCenter.Sip.Message;

namespace CallCenter.Sip.Core;

/// <summary>Either the authenticated user name, or the response that refuses or challenges the request.</summary>
public readonly record struct AuthDecision(string? Username, SipResponse? Response, string Outcome)
{
    /// <summary>True when the request may proceed as <see cref="Username"/>.</summary>
    public bool IsAuthorized => Username is not null;
}
