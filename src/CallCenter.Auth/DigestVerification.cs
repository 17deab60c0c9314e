namespace CallCenter.Auth;

/// <summary>The result of verifying an Authorization / Proxy-Authorization header value.</summary>
public readonly struct DigestVerification
{
    private DigestVerification(DigestVerificationOutcome outcome, string? reason, DigestCredentials? credentials)
    {
        Outcome = outcome;
        Reason = reason;
        Credentials = credentials;
    }

    /// <summary>The conclusion.</summary>
    public DigestVerificationOutcome Outcome { get; }

    /// <summary>True when the request is authenticated.</summary>
    public bool IsAuthorized => Outcome == DigestVerificationOutcome.Authorized;

    /// <summary>The authenticated username; null unless <see cref="IsAuthorized"/>.</summary>
    public string? Username => IsAuthorized ? Credentials!.Username : null;

    /// <summary>Why the credentials were not accepted, for the log (never send it to the client).</summary>
    public string? Reason { get; }

    /// <summary>The parsed credentials, when the header could be parsed.</summary>
    public DigestCredentials? Credentials { get; }

    /// <summary>
    /// The "uri" parameter. The caller must compare it with the Request-URI (RFC 3261 §22.4,
    /// RFC 7616 §3.4.6) before trusting an authorized request.
    /// </summary>
    public string? DigestUri => Credentials?.Uri;

    /// <inheritdoc />
    public override string ToString() => Reason is null ? Outcome.ToString() : $"{Outcome}: {Reason}";

    internal static DigestVerification Authorized(DigestCredentials credentials) =>
        new(DigestVerificationOutcome.Authorized, null, credentials);

    internal static DigestVerification Missing() => new(DigestVerificationOutcome.Missing, null, null);

    internal static DigestVerification Stale(DigestCredentials credentials, string reason) =>
        new(DigestVerificationOutcome.Stale, reason, credentials);

    internal static DigestVerification Rejected(DigestCredentials credentials, string reason) =>
        new(DigestVerificationOutcome.Rejected, reason, credentials);

    internal static DigestVerification Malformed(string reason, DigestCredentials? credentials = null) =>
        new(DigestVerificationOutcome.Malformed, reason, credentials);
}
