using System.Diagnostics.CodeAnalysis;
using CallCenter.Auth.Formatting;
using CallCenter.Auth.Parsing;

namespace CallCenter.Auth;

/// <summary>
/// A Digest challenge: the value of one WWW-Authenticate / Proxy-Authenticate header
/// (RFC 7616 §3.3, RFC 3261 §22.1 and §25.1 "challenge"). SIP carries one challenge per header
/// field, and a server offering several algorithms sends one header per algorithm
/// (RFC 8760 §2, RFC 7616 §3.7).
/// </summary>
public sealed class DigestChallenge
{
    /// <summary>Creates a challenge for <paramref name="realm"/> with <paramref name="nonce"/>.</summary>
    /// <exception cref="ArgumentException">A value contains control characters.</exception>
    public DigestChallenge(string realm, string nonce)
    {
        Realm = HeaderText.RequireSafe(realm, nameof(realm));
        Nonce = HeaderText.RequireSafe(nonce, nameof(nonce));
    }

    /// <summary>The protection space (RFC 7616 §3.3).</summary>
    public string Realm { get; }

    /// <summary>The server nonce.</summary>
    public string Nonce { get; }

    /// <summary>A value the client must echo unchanged, or null.</summary>
    public string? Opaque
    {
        get;
        init => field = HeaderText.RequireSafeOrNull(value, nameof(Opaque));
    }

    /// <summary>The algorithm; MD5 when the parameter is absent (RFC 7616 §3.3).</summary>
    public DigestAlgorithm Algorithm
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(value));
    } = DigestAlgorithm.Md5;

    /// <summary>
    /// The qop values offered, e.g. ["auth"]; empty means no qop directive (the RFC 2069
    /// compatible form).
    /// </summary>
    public IReadOnlyList<string> QopOptions
    {
        get;
        init => field = ValidateQopOptions(value);
    } = [];

    /// <summary>True when the previous request's nonce was stale but its digest valid (RFC 7616 §3.3).</summary>
    public bool Stale { get; init; }

    /// <summary>True when the server supports hashed usernames (RFC 7616 §3.4.4).</summary>
    public bool UserHash { get; init; }

    /// <summary>True when "auth" is among <see cref="QopOptions"/>.</summary>
    public bool OffersQopAuth
    {
        get
        {
            foreach (string option in QopOptions)
            {
                if (option.Equals("auth", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Parses a WWW-Authenticate / Proxy-Authenticate header value. Never throws. An algorithm
    /// this library does not implement is reported as an error so the caller can try the next
    /// challenge header.
    /// </summary>
    public static bool TryParse(string? headerValue, [NotNullWhen(true)] out DigestChallenge? challenge, out string error) =>
        DigestChallengeParser.TryParse(headerValue, out challenge, out error);

    /// <summary>
    /// Formats the header value, e.g.
    /// <c>Digest realm="r", nonce="n", opaque="o", algorithm=SHA-256, qop="auth", stale=TRUE</c>.
    /// The algorithm is always written, even for MD5, so no client relies on the default; qop-options
    /// are quoted without spaces
    /// (RFC 3261 §25.1 qop-options).
    /// </summary>
    public string ToHeaderValue()
    {
        var writer = new HeaderValueWriter(stackalloc char[256]);
        writer.AppendQuoted("realm", Realm);
        writer.AppendQuoted("nonce", Nonce);
        if (Opaque is not null)
        {
            writer.AppendQuoted("opaque", Opaque);
        }

        writer.AppendToken("algorithm", Algorithm.Name);
        if (QopOptions.Count > 0)
        {
            writer.AppendQuoted("qop", string.Join(',', QopOptions));
        }

        if (Stale)
        {
            writer.AppendToken("stale", "TRUE");
        }

        if (UserHash)
        {
            writer.AppendToken("userhash", "true");
        }

        return writer.ToStringAndDispose();
    }

    private static IReadOnlyList<string> ValidateQopOptions(IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] copy = [.. options];
        foreach (string option in copy)
        {
            HeaderText.RequireToken(option, nameof(QopOptions));
        }

        return copy;
    }
}
