using System.Diagnostics;

namespace CallCenter.Config;

/// <summary>
/// An agent's digest credential: either a clear-text password or a stored MD5 HA1 hash.
/// The value is only reachable through the explicit <c>Reveal…</c> methods so that it
/// cannot leak through logging, string interpolation or the debugger's default view.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class AgentSecret
{
    /// <summary>Number of hexadecimal digits in an MD5 HA1 (128 bits).</summary>
    public const int Ha1HexLength = 32;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly string _value;

    private AgentSecret(AgentSecretKind kind, string value)
    {
        Kind = kind;
        _value = value;
    }

    /// <summary>Whether this is a password or a stored HA1.</summary>
    public AgentSecretKind Kind { get; }

    /// <summary>Creates a secret holding a clear-text password.</summary>
    /// <exception cref="ArgumentException">The password is empty.</exception>
    public static AgentSecret FromPassword(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return new AgentSecret(AgentSecretKind.Password, password);
    }

    /// <summary>Creates a secret holding a stored HA1, given as 32 hexadecimal digits (any case).</summary>
    /// <exception cref="ArgumentException">The text is not exactly 32 hexadecimal digits.</exception>
    public static AgentSecret FromHa1(string ha1Hex)
    {
        ArgumentNullException.ThrowIfNull(ha1Hex);
        if (!IsHa1Hex(ha1Hex))
        {
            throw new ArgumentException($"An HA1 must be exactly {Ha1HexLength} hexadecimal digits.", nameof(ha1Hex));
        }

        // Lower case because RFC 7616 §3.4.2 defines the digest inputs as lowercase hex.
        return new AgentSecret(AgentSecretKind.Ha1, ha1Hex.ToLowerInvariant());
    }

    /// <summary>True when <paramref name="text"/> is exactly 32 hexadecimal digits.</summary>
    public static bool IsHa1Hex(string text) =>
        text.Length == Ha1HexLength && text.All(char.IsAsciiHexDigit);

    /// <summary>Returns the clear-text password.</summary>
    /// <exception cref="InvalidOperationException">This secret is a stored HA1.</exception>
    public string RevealPassword() => Kind == AgentSecretKind.Password
        ? _value
        : throw new InvalidOperationException("This agent secret is a stored HA1, not a password.");

    /// <summary>Returns the stored HA1 as 32 lowercase hexadecimal digits.</summary>
    /// <exception cref="InvalidOperationException">This secret is a password.</exception>
    public string RevealHa1Hex() => Kind == AgentSecretKind.Ha1
        ? _value
        : throw new InvalidOperationException("This agent secret is a password, not a stored HA1.");

    /// <summary>Describes the kind of secret without revealing it.</summary>
    public override string ToString() => Kind == AgentSecretKind.Password
        ? "password (hidden)"
        : "HA1 hash (hidden)";
}
