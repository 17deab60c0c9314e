namespace CallCenter.Auth;

/// <summary>
/// The request-specific inputs of a Digest response (RFC 7616 §3.4.1–§3.4.3). Strings are used
/// exactly as they appear (unquoted) in the headers, because the hash covers them verbatim.
/// </summary>
/// <param name="Method">The request method, e.g. "REGISTER" (RFC 3261 §22.4: the SIP method).</param>
/// <param name="DigestUri">The "uri" parameter value (for SIP the Request-URI).</param>
/// <param name="Username">The username as hashed (the "username" parameter value).</param>
/// <param name="Realm">The realm.</param>
/// <param name="Nonce">The server nonce.</param>
/// <param name="Cnonce">The client nonce; required with a qop and for "-sess" algorithms.</param>
/// <param name="NonceCount">The 8-hex-digit "nc" value as sent; required with a qop.</param>
/// <param name="Qop">"auth", or null for the RFC 2069 form without qop.</param>
public readonly record struct DigestResponseParameters(
    string Method,
    string DigestUri,
    string Username,
    string Realm,
    string Nonce,
    string? Cnonce = null,
    string? NonceCount = null,
    string? Qop = null);
