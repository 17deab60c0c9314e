namespace CallCenter.Auth;

/// <summary>The verdict on a nonce presented by a client.</summary>
public enum NonceStatus
{
    /// <summary>Issued by this service and within its lifetime.</summary>
    Valid,

    /// <summary>
    /// Issued by this service but older than the lifetime: if the digest is right, challenge
    /// again with stale=TRUE (RFC 7616 §3.3) so the client retries without asking the user.
    /// </summary>
    Stale,

    /// <summary>Not issued by this service (forged, altered, another key) or malformed.</summary>
    Invalid,
}
