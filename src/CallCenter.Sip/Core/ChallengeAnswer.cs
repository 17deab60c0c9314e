using CallCenter.Sip.Message;

namespace CallCenter.Sip.Core;

/// <summary>The header that answers one 401/407 challenge, ready to add to the retried request.</summary>
/// <param name="Header">Authorization for a 401, Proxy-Authorization for a 407 (RFC 3261 §22.2, §22.3).</param>
/// <param name="Value">The Digest credentials.</param>
/// <param name="Realm">The realm answered.</param>
/// <param name="Stale">True when the challenge said the previous nonce was merely stale (RFC 7616 §3.3).</param>
public sealed record ChallengeAnswer(KnownHeader Header, string Value, string Realm, bool Stale);
