using System.Globalization;
using System.Text;

namespace CallCenter.Sip.Message;

/// <summary>
/// The comparison rules of RFC 3261 §19.1.4 for sip: and sips: URIs:
/// <list type="bullet">
/// <item>a SIP and a SIPS URI are never equivalent;</item>
/// <item>userinfo compares case-sensitively, everything else case-insensitively;</item>
/// <item>a %-escape of a character outside the "reserved" set equals the character itself;</item>
/// <item>user, password, host and port must match, and a component present in only one URI never matches;</item>
/// <item>a parameter present in both URIs must match; transport, user, ttl, method and maddr must also be present
/// in both or neither (the §19.1.4 examples treat transport like the others); any other parameter present in only
/// one URI is ignored;</item>
/// <item>headers are never ignored: both URIs must carry the same ones, in any order.</item>
/// </list>
/// </summary>
internal static class SipUriEquivalence
{
    // §25.1 reserved = ";" / "/" / "?" / ":" / "@" / "&" / "=" / "+" / "$" / ","
    private const string Reserved = ";/?:@&=+$,";

    private static readonly string[] MustBeInBoth = ["transport", "user", "ttl", "method", "maddr"];

    public static bool AreEquivalent(SipUri a, SipUri b)
    {
        if (a.Scheme != b.Scheme)
        {
            return false;
        }

        if (!a.IsSip)
        {
            return string.Equals(a.ToString(), b.ToString(), StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(Normalize(a.User), Normalize(b.User), StringComparison.Ordinal)
            && string.Equals(Normalize(a.Password), Normalize(b.Password), StringComparison.Ordinal)
            && string.Equals(Normalize(a.Host), Normalize(b.Host), StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port
            && ParametersMatch(a.Parameters, b.Parameters)
            && HeadersMatch(a.Headers, b.Headers);
    }

    private static bool ParametersMatch(SipParameters a, SipParameters b)
    {
        foreach (var name in MustBeInBoth)
        {
            if (Find(a, name, out _) != Find(b, name, out _))
            {
                return false;
            }
        }

        foreach (var (name, value) in a.Items)
        {
            if (Find(b, Normalize(name)!, out var otherValue)
                && !string.Equals(Normalize(value ?? string.Empty), Normalize(otherValue ?? string.Empty), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Find(SipParameters parameters, string normalizedName, out string? value)
    {
        foreach (var (name, candidate) in parameters.Items)
        {
            if (string.Equals(Normalize(name), normalizedName, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = null;
        return false;
    }

    private static bool HeadersMatch(string? a, string? b)
    {
        var left = HeaderSet(a);
        var right = HeaderSet(b);
        return left.SequenceEqual(right);
    }

    /// <summary>The headers component as sorted (lower-case name, value) pairs, escapes normalised.</summary>
    private static List<string> HeaderSet(string? headers)
    {
        var result = new List<string>();
        if (string.IsNullOrEmpty(headers))
        {
            return result;
        }

        foreach (var header in headers.Split('&'))
        {
            var equals = header.IndexOf('=');
            var name = equals < 0 ? header : header[..equals];
            var value = equals < 0 ? string.Empty : header[(equals + 1)..];
            result.Add(Normalize(name)!.ToLowerInvariant() + "=" + Normalize(value));
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>
    /// Decodes %HH escapes of unreserved ASCII characters and upper-cases the hex digits of the escapes that
    /// must stay (reserved characters and non-ASCII bytes), so equivalent spellings compare equal as text.
    /// </summary>
    internal static string? Normalize(string? s)
    {
        if (s is null || !s.Contains('%'))
        {
            return s;
        }

        var builder = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%' && i + 2 < s.Length && char.IsAsciiHexDigit(s[i + 1]) && char.IsAsciiHexDigit(s[i + 2]))
            {
                var value = byte.Parse(s.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (value < 0x80 && Reserved.IndexOf((char)value) < 0)
                {
                    builder.Append((char)value);
                }
                else
                {
                    builder.Append('%').Append(char.ToUpperInvariant(s[i + 1])).Append(char.ToUpperInvariant(s[i + 2]));
                }

                i += 2;
            }
            else
            {
                builder.Append(s[i]);
            }
        }

        return builder.ToString();
    }
}
