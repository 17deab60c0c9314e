using System.Security.Cryptography;
using System.Text;
using CallCenter.Auth.Hashing;

namespace CallCenter.Auth;

/// <summary>
/// The Digest hash computations of RFC 7616 §3.4 (and RFC 2617 §3.2.2, RFC 2069 for the form
/// without qop). Everything runs on stack buffers; results are lower-case hex.
/// </summary>
/// <remarks>
/// <para>HA1 = H(username ":" realm ":" password); for "-sess" algorithms
/// HA1 = H(HA1-hex ":" nonce ":" cnonce) (RFC 7616 §3.4.2 — the inner hash enters as hex text).</para>
/// <para>HA2 = H(method ":" digest-uri) for qop=auth or no qop (RFC 7616 §3.4.3). qop=auth-int,
/// which also hashes the message body, is not supported.</para>
/// <para>response = H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2), or H(HA1 ":" nonce ":" HA2)
/// without qop (RFC 7616 §3.4.1, RFC 2069 §2.1.2).</para>
/// </remarks>
public static class DigestCalculator
{
    private const int MaxDigestSize = 32;
    private const int MaxHexLength = MaxDigestSize * 2;
    private const int StackInputSize = 512;

    /// <summary>
    /// Computes HA1 = H(username ":" realm ":" password) as lower-case hex: the value to store as
    /// <c>ha1:&lt;hex&gt;</c>. For a "-sess" algorithm this is the base hash it starts from.
    /// </summary>
    public static string ComputeHa1(DigestAlgorithm algorithm, string username, string realm, string password)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(password);
        Span<byte> hex = stackalloc byte[MaxHexLength];
        HashJoinedToHex(algorithm, username, realm, password, hex[..algorithm.HexLength]);
        return Encoding.ASCII.GetString(hex[..algorithm.HexLength]);
    }

    /// <summary>Computes the "response" value for the given secret and request.</summary>
    /// <exception cref="ArgumentException">
    /// The secret is an HA1 for another hash function, the qop is not "auth", or a value that the
    /// qop / algorithm needs (cnonce, nc) is missing.
    /// </exception>
    public static string ComputeResponse(DigestAlgorithm algorithm, DigestSecret secret, in DigestResponseParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        string? problem = FindProblem(algorithm, secret, parameters);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(parameters));
        }

        Span<byte> digest = stackalloc byte[MaxDigestSize];
        WriteResponseDigest(algorithm, secret, parameters, digest[..algorithm.DigestSize]);
        return Convert.ToHexStringLower(digest[..algorithm.DigestSize]);
    }

    /// <summary>
    /// Compares two hex responses in constant time (case-insensitive hex, so the comparison time
    /// does not depend on where they differ). False when either is not hex or lengths differ.
    /// </summary>
    public static bool ResponseEquals(ReadOnlySpan<char> expectedHex, ReadOnlySpan<char> actualHex)
    {
        if (expectedHex.Length != actualHex.Length || expectedHex.Length == 0 || expectedHex.Length > MaxHexLength
            || expectedHex.Length % 2 != 0)
        {
            return false;
        }

        int size = expectedHex.Length / 2;
        Span<byte> expected = stackalloc byte[MaxDigestSize];
        Span<byte> actual = stackalloc byte[MaxDigestSize];
        return HexEncoding.TryDecode(expectedHex, expected[..size])
            && HexEncoding.TryDecode(actualHex, actual[..size])
            && CryptographicOperations.FixedTimeEquals(expected[..size], actual[..size]);
    }

    /// <summary>
    /// Recomputes the response and compares it with <paramref name="responseHex"/> in constant time.
    /// The caller has checked the inputs with <see cref="FindProblem"/>.
    /// </summary>
    internal static bool VerifyResponse(
        DigestAlgorithm algorithm, in DigestSecret secret, in DigestResponseParameters parameters, ReadOnlySpan<char> responseHex)
    {
        int size = algorithm.DigestSize;
        Span<byte> expected = stackalloc byte[MaxDigestSize];
        Span<byte> actual = stackalloc byte[MaxDigestSize];
        WriteResponseDigest(algorithm, secret, parameters, expected[..size]);
        bool decoded = HexEncoding.TryDecode(responseHex, actual[..size]);
        bool equal = CryptographicOperations.FixedTimeEquals(expected[..size], actual[..size]);
        return decoded && equal;
    }

    /// <summary>H(username ":" realm) as hex: the hashed username of RFC 7616 §3.4.4.</summary>
    internal static string ComputeUserHash(DigestAlgorithm algorithm, string username, string realm)
    {
        Span<byte> hex = stackalloc byte[MaxHexLength];
        HashJoinedToHex(algorithm, username, realm, third: null, hex[..algorithm.HexLength]);
        return Encoding.ASCII.GetString(hex[..algorithm.HexLength]);
    }

    /// <summary>Why a response cannot be computed from these inputs, or null when it can.</summary>
    internal static string? FindProblem(DigestAlgorithm algorithm, in DigestSecret secret, in DigestResponseParameters parameters)
    {
        if (parameters.Method is null || parameters.DigestUri is null || parameters.Username is null
            || parameters.Realm is null || parameters.Nonce is null)
        {
            return "method, digest-uri, username, realm and nonce are required";
        }

        if (!secret.CanAnswer(algorithm))
        {
            return $"the stored HA1 does not use the hash function of {algorithm.Name}";
        }

        if (parameters.Qop is not null && !parameters.Qop.Equals("auth", StringComparison.OrdinalIgnoreCase))
        {
            return $"qop '{parameters.Qop}' is not supported, only 'auth'";
        }

        if (parameters.Qop is not null && (parameters.Cnonce is null || parameters.NonceCount is null))
        {
            return "cnonce and nc are required with a qop (RFC 7616 §3.4)";
        }

        return algorithm.IsSession && parameters.Cnonce is null
            ? $"{algorithm.Name} needs a cnonce (RFC 7616 §3.4.2)"
            : null;
    }

    private static void WriteResponseDigest(
        DigestAlgorithm algorithm, in DigestSecret secret, in DigestResponseParameters parameters, Span<byte> digest)
    {
        int hexLength = algorithm.HexLength;
        Span<byte> ha1 = stackalloc byte[MaxHexLength];
        Span<byte> ha2 = stackalloc byte[MaxHexLength];
        ha1 = ha1[..hexLength];
        ha2 = ha2[..hexLength];
        WriteHa1Hex(algorithm, secret, parameters, ha1);
        HashJoinedToHex(algorithm, parameters.Method, parameters.DigestUri, third: null, ha2);

        var input = new Utf8Joiner(stackalloc byte[StackInputSize]);
        try
        {
            input.AppendBytes(ha1);
            input.AppendColon();
            input.Append(parameters.Nonce);
            input.AppendColon();
            if (parameters.Qop is not null)
            {
                input.Append(parameters.NonceCount);
                input.AppendColon();
                input.Append(parameters.Cnonce);
                input.AppendColon();
                input.Append(parameters.Qop);
                input.AppendColon();
            }

            input.AppendBytes(ha2);
            algorithm.HashData(input.Written, digest);
        }
        finally
        {
            input.Dispose();
            CryptographicOperations.ZeroMemory(ha1);
        }
    }

    private static void WriteHa1Hex(
        DigestAlgorithm algorithm, in DigestSecret secret, in DigestResponseParameters parameters, Span<byte> ha1Hex)
    {
        if (secret.IsHa1)
        {
            HexEncoding.CopyLowerAscii(secret.Value, ha1Hex);
        }
        else
        {
            HashJoinedToHex(algorithm, parameters.Username, parameters.Realm, secret.Value, ha1Hex);
        }

        if (!algorithm.IsSession)
        {
            return;
        }

        var input = new Utf8Joiner(stackalloc byte[StackInputSize]);
        try
        {
            input.AppendBytes(ha1Hex);
            input.AppendColon();
            input.Append(parameters.Nonce);
            input.AppendColon();
            input.Append(parameters.Cnonce);
            HashToHex(algorithm, input.Written, ha1Hex);
        }
        finally
        {
            input.Dispose();
        }
    }

    // Hashes "first:second[:third]" and writes the lower-case hex into hexDestination.
    private static void HashJoinedToHex(
        DigestAlgorithm algorithm, ReadOnlySpan<char> first, ReadOnlySpan<char> second, string? third, Span<byte> hexDestination)
    {
        var input = new Utf8Joiner(stackalloc byte[StackInputSize]);
        try
        {
            input.Append(first);
            input.AppendColon();
            input.Append(second);
            if (third is not null)
            {
                input.AppendColon();
                input.Append(third);
            }

            HashToHex(algorithm, input.Written, hexDestination);
        }
        finally
        {
            input.Dispose();
        }
    }

    private static void HashToHex(DigestAlgorithm algorithm, ReadOnlySpan<byte> input, Span<byte> hexDestination)
    {
        Span<byte> digest = stackalloc byte[MaxDigestSize];
        int size = algorithm.HashData(input, digest);
        HexEncoding.WriteLowerAscii(digest[..size], hexDestination);
        CryptographicOperations.ZeroMemory(digest);
    }
}
