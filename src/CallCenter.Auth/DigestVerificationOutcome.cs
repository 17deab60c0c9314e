namespace CallCenter.Auth;

/// <summary>What <see cref="DigestServer.Verify(string?, string, DigestSecretLookup)"/> concluded.</summary>
public enum DigestVerificationOutcome
{
    /// <summary>The credentials are valid: the request is authenticated.</summary>
    Authorized,

    /// <summary>No credentials were sent: answer 401/407 with fresh challenges.</summary>
    Missing,

    /// <summary>
    /// The digest was right but the nonce is stale (or no longer tracked): answer with fresh
    /// challenges carrying stale=TRUE (RFC 7616 §3.3), so the client retries without re-prompting.
    /// </summary>
    Stale,

    /// <summary>
    /// Well-formed credentials that fail (wrong password, unknown user, foreign realm, replay …):
    /// answer 401/407 with fresh challenges or 403. <see cref="DigestVerification.Reason"/> is for the log.
    /// </summary>
    Rejected,

    /// <summary>The header cannot be parsed: answer 400 (reason in <see cref="DigestVerification.Reason"/>).</summary>
    Malformed,
}
