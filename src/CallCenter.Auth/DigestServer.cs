using CallCenter.Auth.Parsing;

namespace CallCenter.Auth;

/// <summary>
/// The server (registrar / UAS / proxy) side of Digest: issues challenges and verifies
/// credentials (RFC 3261 §22.1–§22.4, RFC 7616 §3.3–§3.4, RFC 8760). Works on header values only;
/// the SIP layer maps outcomes to responses. Stateless apart from the optional replay tracker;
/// thread-safe.
/// </summary>
public sealed class DigestServer
{
    /// <summary>
    /// The reason given for both a wrong password and an unknown user: the two must be
    /// indistinguishable to whoever sees the outcome.
    /// </summary>
    public const string BadCredentialsReason = "response does not match (wrong password or unknown user)";

    // Unknown users are checked against this secret so they cost the same work as known ones.
    private static readonly DigestSecret DecoySecret = DigestSecret.FromPassword("decoy-secret-for-unknown-users");

    private readonly DigestServerOptions _options;
    private readonly DigestAlgorithm[] _algorithms;
    private readonly string[] _qopOptions;
    private readonly NonceService _nonces;
    private readonly NonceCountTracker? _nonceCounts;

    /// <summary>Creates the server; <paramref name="timeProvider"/> defaults to the system clock.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public DigestServer(DigestServerOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _algorithms = [.. options.Algorithms];
        _qopOptions = options.OfferQop ? ["auth"] : [];
        timeProvider ??= TimeProvider.System;
        _nonces = new NonceService(new NonceServiceOptions { Lifetime = options.NonceLifetime, Key = options.NonceKey }, timeProvider);
        _nonceCounts = options.ReplayProtection && options.OfferQop
            ? new NonceCountTracker(options.NonceLifetime, options.MaxTrackedNonces, timeProvider)
            : null;
    }

    /// <summary>The realm challenged.</summary>
    public string Realm => _options.Realm;

    /// <summary>The algorithms offered, most preferred first.</summary>
    public IReadOnlyList<DigestAlgorithm> Algorithms => _algorithms;

    /// <summary>
    /// Creates the WWW-Authenticate / Proxy-Authenticate values: one per offered algorithm, most
    /// preferred first, all sharing one fresh nonce (RFC 8760 §2, RFC 7616 §3.7).
    /// </summary>
    /// <param name="stale">True to set stale=TRUE (after a <see cref="DigestVerificationOutcome.Stale"/> outcome).</param>
    public IReadOnlyList<string> CreateChallenges(bool stale = false)
    {
        string nonce = _nonces.CreateNonce();
        var challenges = new string[_algorithms.Length];
        for (int i = 0; i < _algorithms.Length; i++)
        {
            challenges[i] = new DigestChallenge(_options.Realm, nonce)
            {
                Opaque = _options.Opaque,
                Algorithm = _algorithms[i],
                QopOptions = _qopOptions,
                Stale = stale,
            }.ToHeaderValue();
        }

        return challenges;
    }

    /// <summary>
    /// Verifies an Authorization / Proxy-Authorization header value for a request with
    /// <paramref name="method"/>. Never throws for any header content. On
    /// <see cref="DigestVerificationOutcome.Authorized"/> the caller must still compare
    /// <see cref="DigestVerification.DigestUri"/> with the Request-URI.
    /// </summary>
    /// <param name="authorizationHeaderValue">The header value, or null when the request had none.</param>
    /// <param name="method">The request method, e.g. "REGISTER".</param>
    /// <param name="lookupSecret">Finds the user's password or stored HA1; null for unknown users.</param>
    public DigestVerification Verify(string? authorizationHeaderValue, string method, DigestSecretLookup lookupSecret)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(lookupSecret);
        if (string.IsNullOrWhiteSpace(authorizationHeaderValue))
        {
            return DigestVerification.Missing();
        }

        return DigestCredentials.TryParse(authorizationHeaderValue, out DigestCredentials? credentials, out string error)
            ? Verify(credentials, method, lookupSecret)
            : DigestVerification.Malformed(error);
    }

    /// <summary>Verifies already parsed credentials (see <see cref="Verify(string?, string, DigestSecretLookup)"/>).</summary>
    public DigestVerification Verify(DigestCredentials credentials, string method, DigestSecretLookup lookupSecret)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(lookupSecret);

        string? violation = FindPolicyViolation(credentials);
        if (violation is not null)
        {
            return DigestVerification.Rejected(credentials, violation);
        }

        if (credentials.Response.Length != credentials.Algorithm.HexLength || !HeaderCharacters.IsHex(credentials.Response))
        {
            return DigestVerification.Malformed(
                $"response must be {credentials.Algorithm.HexLength} hex digits for {credentials.Algorithm.Name}", credentials);
        }

        NonceValidation nonce = _nonces.Validate(credentials.Nonce);
        if (nonce.Status == NonceStatus.Invalid)
        {
            return DigestVerification.Rejected(credentials, "nonce was not issued by this server");
        }

        string? digestFailure = CheckDigest(credentials, method, lookupSecret);
        if (digestFailure is not null)
        {
            return DigestVerification.Rejected(credentials, digestFailure);
        }

        // Stale only once the digest proved the client knows the secret (RFC 7616 §3.3).
        return nonce.Status == NonceStatus.Stale
            ? DigestVerification.Stale(credentials, "nonce expired")
            : CheckNonceCount(credentials, nonce);
    }

    private string? FindPolicyViolation(DigestCredentials credentials)
    {
        if (!string.Equals(credentials.Realm, _options.Realm, StringComparison.Ordinal))
        {
            return $"realm '{ErrorText.Excerpt(credentials.Realm)}' is not ours";
        }

        if (Array.IndexOf(_algorithms, credentials.Algorithm) < 0)
        {
            return $"algorithm {credentials.Algorithm.Name} was not offered";
        }

        if (_options.OfferQop && credentials.Qop is null)
        {
            return "qop=auth was offered but the response has none";
        }

        if (credentials.Qop is not null && (!_options.OfferQop || !credentials.Qop.Equals("auth", StringComparison.OrdinalIgnoreCase)))
        {
            return $"qop '{ErrorText.Excerpt(credentials.Qop)}' was not offered";
        }

        if (_options.Opaque is not null && !string.Equals(credentials.Opaque, _options.Opaque, StringComparison.Ordinal))
        {
            return "opaque does not match the challenge";
        }

        return credentials.UserHash ? "userhash was not offered" : null;
    }

    private static string? CheckDigest(DigestCredentials credentials, string method, DigestSecretLookup lookupSecret)
    {
        var parameters = new DigestResponseParameters(
            method, credentials.Uri, credentials.Username, credentials.Realm, credentials.Nonce,
            credentials.Cnonce, credentials.NonceCount, credentials.Qop);
        DigestSecret? found = lookupSecret(credentials.Username, credentials.Realm, credentials.Algorithm);
        DigestSecret secret = found ?? DecoySecret;
        string? problem = DigestCalculator.FindProblem(credentials.Algorithm, secret, parameters);
        if (problem is not null)
        {
            return problem;
        }

        bool matches = DigestCalculator.VerifyResponse(credentials.Algorithm, secret, parameters, credentials.Response);
        return found is not null && matches ? null : BadCredentialsReason;
    }

    private DigestVerification CheckNonceCount(DigestCredentials credentials, in NonceValidation nonce)
    {
        if (_nonceCounts is null || credentials.NonceCountValue is not uint count)
        {
            return DigestVerification.Authorized(credentials);
        }

        return _nonceCounts.TryAdvance(nonce, count) switch
        {
            NonceCountCheck.Accepted => DigestVerification.Authorized(credentials),
            NonceCountCheck.Replayed => DigestVerification.Rejected(
                credentials, $"nonce count {credentials.NonceCount} is not above the last one seen (replay)"),
            _ => DigestVerification.Stale(credentials, "nonce is no longer tracked for replay protection"),
        };
    }
}
