namespace CallCenter.Auth.Parsing;

/// <summary>The Digest parameters this library understands (RFC 7616 §3.3 and §3.4, RFC 3261 §25.1).</summary>
internal enum DigestParameter
{
    Unknown = 0,
    Username,
    Realm,
    Nonce,
    Uri,
    Response,
    Algorithm,
    Cnonce,
    Opaque,
    Qop,
    NonceCount,
    UserHash,
    Stale,
    Domain,
    Charset,
}

/// <summary>Maps parameter names to <see cref="DigestParameter"/> and back.</summary>
internal static class DigestParameterNames
{
    private static readonly (string Name, DigestParameter Parameter)[] Known =
    [
        ("username", DigestParameter.Username),
        ("realm", DigestParameter.Realm),
        ("nonce", DigestParameter.Nonce),
        ("uri", DigestParameter.Uri),
        ("response", DigestParameter.Response),
        ("algorithm", DigestParameter.Algorithm),
        ("cnonce", DigestParameter.Cnonce),
        ("opaque", DigestParameter.Opaque),
        ("qop", DigestParameter.Qop),
        ("nc", DigestParameter.NonceCount),
        ("userhash", DigestParameter.UserHash),
        ("stale", DigestParameter.Stale),
        ("domain", DigestParameter.Domain),
        ("charset", DigestParameter.Charset),
    ];

    /// <summary>Identifies a parameter; names are case-insensitive (RFC 7235 §2.1).</summary>
    public static DigestParameter Identify(ReadOnlySpan<char> name)
    {
        foreach ((string knownName, DigestParameter parameter) in Known)
        {
            if (name.Equals(knownName, StringComparison.OrdinalIgnoreCase))
            {
                return parameter;
            }
        }

        return DigestParameter.Unknown;
    }

    /// <summary>The canonical (lower-case) name of a known parameter.</summary>
    public static string NameOf(DigestParameter parameter)
    {
        foreach ((string knownName, DigestParameter known) in Known)
        {
            if (known == parameter)
            {
                return knownName;
            }
        }

        return "unknown";
    }
}
