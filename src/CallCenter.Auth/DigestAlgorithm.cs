using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace CallCenter.Auth;

/// <summary>
/// A Digest "algorithm" value: the hash function plus whether the "-sess" variant is used
/// (RFC 7616 §3.4.2, RFC 8760 §2 for SIP). Instances are singletons, so reference equality
/// is value equality.
/// </summary>
public sealed class DigestAlgorithm
{
    /// <summary>MD5, the default when a challenge or credentials carry no algorithm (RFC 7616 §3.3).</summary>
    public static readonly DigestAlgorithm Md5 = new("MD5", isSession: false, isSha256: false);

    /// <summary>MD5-sess: HA1 also covers the server and client nonces (RFC 7616 §3.4.2).</summary>
    public static readonly DigestAlgorithm Md5Sess = new("MD5-sess", isSession: true, isSha256: false);

    /// <summary>SHA-256 (RFC 7616 §3.3, RFC 8760 §2).</summary>
    public static readonly DigestAlgorithm Sha256 = new("SHA-256", isSession: false, isSha256: true);

    /// <summary>SHA-256-sess (RFC 7616 §3.4.2).</summary>
    public static readonly DigestAlgorithm Sha256Sess = new("SHA-256-sess", isSession: true, isSha256: true);

    private readonly bool _isSha256;

    private DigestAlgorithm(string name, bool isSession, bool isSha256)
    {
        Name = name;
        IsSession = isSession;
        _isSha256 = isSha256;
        DigestSize = isSha256 ? SHA256.HashSizeInBytes : MD5.HashSizeInBytes;
    }

    /// <summary>All supported algorithms.</summary>
    public static IReadOnlyList<DigestAlgorithm> All { get; } = [Md5, Md5Sess, Sha256, Sha256Sess];

    /// <summary>The canonical token as written in headers, e.g. "SHA-256".</summary>
    public string Name { get; }

    /// <summary>True for the "-sess" variants, whose HA1 depends on nonce and cnonce.</summary>
    public bool IsSession { get; }

    /// <summary>Size of one hash output in bytes (16 for MD5, 32 for SHA-256).</summary>
    public int DigestSize { get; }

    /// <summary>Length of one hash output as hex text (32 for MD5, 64 for SHA-256).</summary>
    public int HexLength => DigestSize * 2;

    /// <summary>
    /// Parses an algorithm token. Matching is case-insensitive (RFC 7616 §3.3 lists the names
    /// without case rules; real UAs send "md5", "MD5" and "Md5").
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> name, [NotNullWhen(true)] out DigestAlgorithm? algorithm)
    {
        foreach (DigestAlgorithm candidate in All)
        {
            if (name.Equals(candidate.Name, StringComparison.OrdinalIgnoreCase))
            {
                algorithm = candidate;
                return true;
            }
        }

        algorithm = null;
        return false;
    }

    /// <summary>
    /// Parses an optional algorithm value: an absent (null) value means MD5 (RFC 7616 §3.3).
    /// </summary>
    public static bool TryParseOrDefault(string? name, [NotNullWhen(true)] out DigestAlgorithm? algorithm)
    {
        if (name is null)
        {
            algorithm = Md5;
            return true;
        }

        return TryParse(name, out algorithm);
    }

    /// <summary>Hashes <paramref name="source"/> into <paramref name="destination"/> and returns the byte count.</summary>
    internal int HashData(ReadOnlySpan<byte> source, Span<byte> destination) =>
        _isSha256 ? SHA256.HashData(source, destination) : MD5.HashData(source, destination);

    /// <inheritdoc />
    public override string ToString() => Name;
}
