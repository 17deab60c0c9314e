using System.Diagnostics.CodeAnalysis;
using CallCenter.Auth.Parsing;

namespace CallCenter.Auth;

/// <summary>
/// A user's Digest secret: either the plain password or a stored HA1, i.e. the hex of
/// H(username ":" realm ":" password) (RFC 7616 §5.2: servers may store this instead of the
/// password). A stored HA1 only answers algorithms using the same hash function and the realm it
/// was computed for. <see cref="ToString"/> never reveals the secret.
/// </summary>
public readonly struct DigestSecret
{
    /// <summary>The prefix marking a configured secret as a stored HA1: <c>ha1:&lt;hex&gt;</c>.</summary>
    public const string Ha1Prefix = "ha1:";

    private readonly string? _value;

    private DigestSecret(string value, bool isHa1)
    {
        _value = value;
        IsHa1 = isHa1;
    }

    /// <summary>True when this is a stored HA1 rather than a password.</summary>
    public bool IsHa1 { get; }

    /// <summary>The password, or the HA1 hex.</summary>
    internal string Value => _value ?? string.Empty;

    /// <summary>A secret holding the plain password.</summary>
    public static DigestSecret FromPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return new DigestSecret(password, isHa1: false);
    }

    /// <summary>A stored HA1: 32 hex digits (MD5 family) or 64 (SHA-256 family), either case.</summary>
    /// <exception cref="ArgumentException">The value is not an HA1 of a supported size.</exception>
    public static DigestSecret FromHa1(string ha1Hex)
    {
        ArgumentNullException.ThrowIfNull(ha1Hex);
        if (!IsHa1Hex(ha1Hex))
        {
            throw new ArgumentException("An HA1 must be 32 or 64 hexadecimal digits.", nameof(ha1Hex));
        }

        return new DigestSecret(ha1Hex, isHa1: true);
    }

    /// <summary>
    /// Interprets a configured agent secret: <c>ha1:&lt;hex&gt;</c> (prefix case-insensitive) is a
    /// stored HA1, anything else is the password itself.
    /// </summary>
    public static bool TryParse(string? configuredSecret, out DigestSecret secret, out string error)
    {
        secret = default;
        if (configuredSecret is null)
        {
            error = "secret is null";
            return false;
        }

        if (!configuredSecret.StartsWith(Ha1Prefix, StringComparison.OrdinalIgnoreCase))
        {
            secret = new DigestSecret(configuredSecret, isHa1: false);
            error = string.Empty;
            return true;
        }

        string hex = configuredSecret[Ha1Prefix.Length..];
        if (!IsHa1Hex(hex))
        {
            error = "an 'ha1:' secret must be followed by 32 (MD5) or 64 (SHA-256) hexadecimal digits";
            return false;
        }

        secret = new DigestSecret(hex, isHa1: true);
        error = string.Empty;
        return true;
    }

    /// <summary>
    /// True when this secret can compute responses for <paramref name="algorithm"/>: a password
    /// always can, a stored HA1 only for its own hash function.
    /// </summary>
    public bool CanAnswer(DigestAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        return !IsHa1 || Value.Length == algorithm.HexLength;
    }

    /// <inheritdoc />
    public override string ToString() => IsHa1 ? "DigestSecret(HA1)" : "DigestSecret(password)";

    private static bool IsHa1Hex([NotNullWhen(true)] string? hex) =>
        hex is { Length: 32 or 64 } && HeaderCharacters.IsHex(hex);
}
