using System.Globalization;
using System.Net;
using System.Text;

namespace CallCenter.Sip.Message;

/// <summary>
/// A SIP or SIPS URI (RFC 3261 §19.1), a tel URI (RFC 3966), or any other absolute URI kept as text.
/// The user part keeps its %-escapes as received; <see cref="UnescapedUser"/> gives the decoded form
/// used for comparisons (§19.1.4: escaped and unescaped characters are equivalent).
/// </summary>
public sealed class SipUri
{
    private SipUri(string scheme)
    {
        Scheme = scheme;
    }

    /// <summary>Builds a sip: (or sips:) URI.</summary>
    public SipUri(string scheme, string? user, string host, int? port = null)
    {
        Scheme = scheme.ToLowerInvariant();
        User = user;
        Host = host;
        Port = port;
    }

    /// <summary>Lower-case scheme: "sip", "sips", "tel" or another.</summary>
    public string Scheme { get; }

    /// <summary>True for sip: and sips: URIs.</summary>
    public bool IsSip => Scheme is "sip" or "sips";

    /// <summary>User part as written (escapes kept); for tel: URIs the number.</summary>
    public string? User { get; init; }

    /// <summary>Password part of userinfo (discouraged by §19.1.1 but legal).</summary>
    public string? Password { get; init; }

    /// <summary>Host name, IPv4 address or bracketed IPv6 reference; empty for tel: and opaque URIs.</summary>
    public string Host { get; init; } = string.Empty;

    /// <summary>Port, when given.</summary>
    public int? Port { get; init; }

    /// <summary>URI parameters (transport, lr, user, maddr…), or tel: parameters.</summary>
    public SipParameters Parameters { get; init; } = new();

    /// <summary>The raw headers component after '?', without the '?', or null.</summary>
    public string? Headers { get; init; }

    /// <summary>The text after the scheme for URIs we do not interpret.</summary>
    public string? Opaque { get; private init; }

    /// <summary>The user part with %-escapes decoded.</summary>
    public string? UnescapedUser => User is null ? null : Unescape(User);

    /// <summary>The transport parameter, lower-case, or null.</summary>
    public string? Transport => Parameters.Get("transport")?.ToLowerInvariant();

    /// <summary>Parses a URI or throws <see cref="FormatException"/>; for trusted, code-supplied text.</summary>
    public static SipUri Parse(string text) =>
        TryParse(text, out var uri, out var error) ? uri : throw new FormatException($"Invalid URI '{text}': {error}");

    /// <summary>Parses a URI without throwing.</summary>
    public static bool TryParse(string text, out SipUri uri, out string error)
    {
        uri = null!;
        var colon = text.IndexOf(':');
        if (colon <= 0 || !IsSchemeName(text.AsSpan(0, colon)))
        {
            error = "missing or invalid URI scheme";
            return false;
        }

        var scheme = text[..colon].ToLowerInvariant();
        var rest = text[(colon + 1)..];
        if (rest.AsSpan().IndexOfAny(" \t\r\n<>\"") >= 0)
        {
            error = "white space or a forbidden character inside the URI";
            return false;
        }

        return scheme switch
        {
            "sip" or "sips" => TryParseSip(scheme, rest, out uri, out error),
            "tel" => TryParseTel(rest, out uri, out error),
            _ => TryParseOpaque(scheme, rest, out uri, out error),
        };
    }

    private static bool TryParseSip(string scheme, string rest, out SipUri uri, out string error)
    {
        uri = null!;

        // '@' can only appear unescaped in userinfo (params and headers have no '@' in their
        // character sets, §25.1), so the last one ends it; the user part itself may hold ';', '?' and '/'.
        var at = rest.LastIndexOf('@');
        var question = rest.IndexOf('?', at + 1);
        var beforeHeaders = question < 0 ? rest : rest[..question];
        string? headers = question < 0 ? null : rest[(question + 1)..];
        string? user = null;
        string? password = null;
        if (at >= 0)
        {
            var userInfo = beforeHeaders[..at];
            var colon = userInfo.IndexOf(':');
            user = colon < 0 ? userInfo : userInfo[..colon];
            password = colon < 0 ? null : userInfo[(colon + 1)..];
            if (user.Length == 0)
            {
                error = "empty user part before '@'";
                return false;
            }

            if (!AreValidEscapes(userInfo))
            {
                error = "bad %-escape in the user part";
                return false;
            }
        }

        var hostPart = beforeHeaders[(at + 1)..];
        var i = 0;
        if (!TryReadHostPort(hostPart, ref i, out var host, out var port, out error))
        {
            return false;
        }

        var parameters = new SipParameters();
        if (!SipParameters.TryParse(hostPart, ref i, parameters, out error, allowLws: false))
        {
            return false;
        }

        if (headers is not null && !AreValidEscapes(headers))
        {
            error = "bad %-escape in the URI headers";
            return false;
        }

        uri = new SipUri(scheme)
        {
            User = user,
            Password = password,
            Host = host,
            Port = port,
            Parameters = parameters,
            Headers = headers,
        };
        error = string.Empty;
        return true;
    }

    /// <summary>Reads host [":" port] (RFC 3261 §25.1 hostport) starting at <paramref name="i"/>.</summary>
    internal static bool TryReadHostPort(string s, ref int i, out string host, out int? port, out string error)
    {
        host = string.Empty;
        port = null;
        var start = i;
        if (i < s.Length && s[i] == '[')
        {
            var close = s.IndexOf(']', i);
            if (close < 0 || !IPAddress.TryParse(s.AsSpan(i + 1, close - i - 1), out var v6) || v6.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                error = "invalid IPv6 reference";
                return false;
            }

            i = close + 1;
        }
        else
        {
            while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '-' or '.' or '_'))
            {
                i++;
            }
        }

        if (i == start)
        {
            error = "missing host";
            return false;
        }

        host = s[start..i];
        if (i < s.Length && s[i] == ':')
        {
            var portStart = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == portStart || i - portStart > 5 || !int.TryParse(s.AsSpan(portStart, i - portStart), NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p > 65535)
            {
                error = "invalid port";
                return false;
            }

            port = p;
        }

        error = string.Empty;
        return true;
    }

    private static bool TryParseTel(string rest, out SipUri uri, out string error)
    {
        uri = null!;
        var semicolon = rest.IndexOf(';');
        var number = semicolon < 0 ? rest : rest[..semicolon];
        if (number.Length == 0 || number.AsSpan().IndexOfAnyExcept("+0123456789-.()*#ABCDabcdpPwW") >= 0)
        {
            error = "invalid telephone number in tel: URI";
            return false;
        }

        var parameters = new SipParameters();
        var i = semicolon < 0 ? rest.Length : semicolon;
        if (!SipParameters.TryParse(rest, ref i, parameters, out error, allowLws: false))
        {
            return false;
        }

        uri = new SipUri("tel") { User = number, Parameters = parameters };
        return true;
    }

    private static bool TryParseOpaque(string scheme, string rest, out SipUri uri, out string error)
    {
        uri = new SipUri(scheme) { Opaque = rest };
        error = string.Empty;
        return true;
    }

    private static bool IsSchemeName(ReadOnlySpan<char> s)
    {
        if (!char.IsAsciiLetter(s[0]))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '+' and not '-' and not '.')
            {
                return false;
            }
        }

        return true;
    }

    private static bool AreValidEscapes(string s)
    {
        for (var i = s.IndexOf('%'); i >= 0; i = s.IndexOf('%', i + 1))
        {
            if (i + 2 >= s.Length || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Decodes %HH escapes (bytes interpreted as UTF-8; text between escapes kept as it is).</summary>
    public static string Unescape(string s)
    {
        if (!s.Contains('%'))
        {
            return s;
        }

        var bytes = new List<byte>(s.Length);
        var runStart = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%' && i + 2 < s.Length && char.IsAsciiHexDigit(s[i + 1]) && char.IsAsciiHexDigit(s[i + 2]))
            {
                AppendUtf8(bytes, s.AsSpan(runStart, i - runStart));
                bytes.Add(byte.Parse(s.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
                runStart = i + 1;
            }
        }

        AppendUtf8(bytes, s.AsSpan(runStart));
        return Encoding.UTF8.GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes));
    }

    private static void AppendUtf8(List<byte> bytes, ReadOnlySpan<char> text)
    {
        if (!text.IsEmpty)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(text.ToArray()));
        }
    }

    /// <summary>
    /// URI equivalence for sip/sips per RFC 3261 §19.1.4 (see <see cref="SipUriEquivalence"/>); other schemes
    /// compare as text, ignoring case.
    /// </summary>
    public bool IsEquivalentTo(SipUri other) => SipUriEquivalence.AreEquivalent(this, other);

    /// <inheritdoc />
    public override string ToString()
    {
        if (Opaque is not null)
        {
            return Scheme + ":" + Opaque;
        }

        var builder = new StringBuilder(64);
        builder.Append(Scheme).Append(':');
        if (User is not null)
        {
            builder.Append(User);
            if (Password is not null)
            {
                builder.Append(':').Append(Password);
            }

            if (IsSip)
            {
                builder.Append('@');
            }
        }

        builder.Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        Parameters.AppendTo(builder);
        if (Headers is not null)
        {
            builder.Append('?').Append(Headers);
        }

        return builder.ToString();
    }
}
