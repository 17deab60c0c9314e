using CallCenter.Auth.Parsing;

namespace CallCenter.Auth;

/// <summary>Settings of <see cref="DigestServer"/>.</summary>
public sealed class DigestServerOptions
{
    /// <summary>The realm challenged and accepted (RFC 3261 §22.1: typically the domain).</summary>
    public required string Realm { get; init; }

    /// <summary>
    /// Algorithms offered, most preferred first; one challenge header is sent per algorithm
    /// (RFC 8760 §2). Default: SHA-256, then MD5 for older phones.
    /// </summary>
    public IReadOnlyList<DigestAlgorithm> Algorithms { get; init; } = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];

    /// <summary>How long a nonce stays fresh. Default 300 s.</summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// Whether to offer and require qop="auth" (RFC 7616 §3.3). Default true. When false, the
    /// RFC 2069 form without qop is used, which cannot carry nonce counts.
    /// </summary>
    public bool OfferQop { get; init; } = true;

    /// <summary>An opaque value to put in challenges and require back, or null for none.</summary>
    public string? Opaque { get; init; }

    /// <summary>The nonce HMAC key; null for a random per-process key (see <see cref="NonceServiceOptions.Key"/>).</summary>
    public byte[]? NonceKey { get; init; }

    /// <summary>Whether to refuse replayed nonce counts (needs <see cref="OfferQop"/>). Default true.</summary>
    public bool ReplayProtection { get; init; } = true;

    /// <summary>The cap on nonces tracked for replay protection.</summary>
    public int MaxTrackedNonces { get; init; } = NonceCountTracker.DefaultMaxEntries;

    /// <summary>Throws when the options are unusable.</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    internal void Validate()
    {
        if (string.IsNullOrEmpty(Realm) || HeaderCharacters.ContainsControl(Realm))
        {
            throw new ArgumentException("The realm must be non-empty and free of control characters.", nameof(Realm));
        }

        if (Algorithms is null || Algorithms.Count == 0 || Algorithms.Contains(null!) || Algorithms.Distinct().Count() != Algorithms.Count)
        {
            throw new ArgumentException("Offer at least one algorithm, each once.", nameof(Algorithms));
        }

        // "-sess" hashes the cnonce into HA1, and a cnonce is only sent with a qop (RFC 7616 §3.4).
        if (!OfferQop && Algorithms.Any(algorithm => algorithm.IsSession))
        {
            throw new ArgumentException("Session algorithms require OfferQop.", nameof(Algorithms));
        }

        if (Opaque is not null && HeaderCharacters.ContainsControl(Opaque))
        {
            throw new ArgumentException("The opaque value must be free of control characters.", nameof(Opaque));
        }

        if (NonceLifetime <= TimeSpan.Zero || MaxTrackedNonces <= 0)
        {
            throw new ArgumentException("The nonce lifetime and the tracking cap must be positive.");
        }
    }
}
