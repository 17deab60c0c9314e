using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CallCenter.Auth.Formatting;
using CallCenter.Auth.Parsing;

namespace CallCenter.Auth;

/// <summary>
/// The Digest credentials of an Authorization / Proxy-Authorization header value
/// (RFC 7616 §3.4, RFC 3261 §22.2 and §25.1 "digest-response"). All strings are unquoted and
/// unescaped.
/// </summary>
public sealed class DigestCredentials
{
    /// <summary>Creates credentials with the parameters every Digest response carries.</summary>
    /// <exception cref="ArgumentException">A value contains control characters.</exception>
    public DigestCredentials(string username, string realm, string nonce, string uri, string response)
    {
        Username = HeaderText.RequireSafe(username, nameof(username));
        Realm = HeaderText.RequireSafe(realm, nameof(realm));
        Nonce = HeaderText.RequireSafe(nonce, nameof(nonce));
        Uri = HeaderText.RequireSafe(uri, nameof(uri));
        Response = HeaderText.RequireSafe(response, nameof(response));
    }

    /// <summary>The username (or its hash when <see cref="UserHash"/> is set).</summary>
    public string Username { get; }

    /// <summary>The realm the client answers for.</summary>
    public string Realm { get; }

    /// <summary>The server nonce being answered.</summary>
    public string Nonce { get; }

    /// <summary>
    /// The digest-uri. The caller must check it against the Request-URI itself (RFC 3261 §22.4,
    /// RFC 7616 §3.4.6): this library does not know the request.
    /// </summary>
    public string Uri { get; }

    /// <summary>The response hash as hex.</summary>
    public string Response { get; }

    /// <summary>The algorithm; MD5 when the parameter was absent (RFC 7616 §3.3).</summary>
    public DigestAlgorithm Algorithm
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(value));
    } = DigestAlgorithm.Md5;

    /// <summary>The client nonce; present whenever <see cref="Qop"/> is.</summary>
    public string? Cnonce
    {
        get;
        init => field = HeaderText.RequireSafeOrNull(value, nameof(Cnonce));
    }

    /// <summary>The opaque value echoed from the challenge.</summary>
    public string? Opaque
    {
        get;
        init => field = HeaderText.RequireSafeOrNull(value, nameof(Opaque));
    }

    /// <summary>The quality of protection chosen by the client ("auth"), or null (RFC 2069 form).</summary>
    public string? Qop
    {
        get;
        init => field = value is null ? null : HeaderText.RequireToken(value, nameof(Qop));
    }

    /// <summary>The "nc" value exactly as sent: 8 hex digits (RFC 7616 §3.4).</summary>
    public string? NonceCount
    {
        get;
        init
        {
            if (value is not null && !IsNonceCount(value))
            {
                throw new ArgumentException("nc must be exactly 8 hexadecimal digits.", nameof(NonceCount));
            }

            field = value;
        }
    }

    /// <summary>The numeric value of <see cref="NonceCount"/>, or null when absent.</summary>
    public uint? NonceCountValue =>
        NonceCount is null ? null : uint.Parse(NonceCount, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>True when <see cref="Username"/> is H(username ":" realm) (RFC 7616 §3.4.4).</summary>
    public bool UserHash { get; init; }

    /// <summary>
    /// Parses an Authorization / Proxy-Authorization header value. Never throws; on failure
    /// <paramref name="error"/> says what is wrong, naming the parameter.
    /// </summary>
    public static bool TryParse(
        string? headerValue, [NotNullWhen(true)] out DigestCredentials? credentials, out string error) =>
        DigestCredentialsParser.TryParse(headerValue, out credentials, out error);

    /// <summary>
    /// Formats the header value. username, realm, nonce, uri, response, cnonce and opaque are
    /// quoted; algorithm, qop and nc are tokens (RFC 7616 §3.4 forbids quoting those three).
    /// </summary>
    public string ToHeaderValue()
    {
        var writer = new HeaderValueWriter(stackalloc char[512]);
        writer.AppendQuoted("username", Username);
        writer.AppendQuoted("realm", Realm);
        writer.AppendQuoted("nonce", Nonce);
        writer.AppendQuoted("uri", Uri);
        writer.AppendQuoted("response", Response);
        writer.AppendToken("algorithm", Algorithm.Name);
        if (Cnonce is not null)
        {
            writer.AppendQuoted("cnonce", Cnonce);
        }

        if (Opaque is not null)
        {
            writer.AppendQuoted("opaque", Opaque);
        }

        if (Qop is not null)
        {
            writer.AppendToken("qop", Qop);
        }

        if (NonceCount is not null)
        {
            writer.AppendToken("nc", NonceCount);
        }

        if (UserHash)
        {
            writer.AppendToken("userhash", "true");
        }

        return writer.ToStringAndDispose();
    }

    internal static bool IsNonceCount(ReadOnlySpan<char> value) => value.Length == 8 && HeaderCharacters.IsHex(value);
}
