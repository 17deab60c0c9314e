namespace CallCenter.Media.Sdp;

/// <summary>
/// Parses the structured session and media lines (v=, o=, c=, b=, t=, m=; RFC 4566 §5). Each method returns
/// null and the value, or what is wrong. Fields are separated by exactly one space; trailing blanks, which
/// some peers leave, are ignored.
/// </summary>
internal static class SdpFieldParser
{
    public static string? ParseVersion(string value) =>
        SdpSyntax.TrimTrailingBlanks(value) == "0" ? null : $"unsupported protocol version 'v={value}' (only v=0 exists)";

    /// <summary>o=&lt;username&gt; &lt;sess-id&gt; &lt;sess-version&gt; &lt;nettype&gt; &lt;addrtype&gt; &lt;unicast-address&gt; (§5.2).</summary>
    public static string? ParseOrigin(string value, out SdpOrigin? origin)
    {
        origin = null;
        var error = SplitFields(value, "o=", "<username> <sess-id> <sess-version> <nettype> <addrtype> <address>", 6, out var f);
        if (error is not null)
        {
            return error;
        }

        // sess-id is 1*DIGIT of any length (RFC 4566 §9); it is kept as text, so it need not fit a number type.
        if (f[1].AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return $"session id '{f[1]}' is not a number";
        }

        if (!SdpSyntax.TryParseDigits(f[2], out var version))
        {
            return $"session version '{f[2]}' is not a number below 2^64";
        }

        var typeError = SdpSyntax.ParseAddressType(f[4], out var type);
        error = SdpSyntax.CheckNetworkType(f[3]) ?? typeError ?? SdpAddress.Check(type, f[5]);
        if (error is not null)
        {
            return error;
        }

        origin = new SdpOrigin(f[0], f[1], version, type, f[5]);
        return null;
    }

    /// <summary>c=&lt;nettype&gt; &lt;addrtype&gt; &lt;connection-address&gt; (§5.7).</summary>
    public static string? ParseConnection(string value, out SdpConnection? connection)
    {
        connection = null;
        var error = SplitFields(value, "c=", "<nettype> <addrtype> <address>", 3, out var f);
        return error ?? SdpSyntax.CheckNetworkType(f[0]) ?? SdpSyntax.ParseAddressType(f[1], out var type)
            ?? ParseConnectionAddress(type, f[2], out connection);
    }

    /// <summary>
    /// An address with the multicast suffixes of §5.7: IPv4 multicast needs "/ttl" and may add "/count";
    /// IPv6 multicast may add "/count"; unicast addresses take no suffix.
    /// </summary>
    public static string? ParseConnectionAddress(SdpAddressType type, string text, out SdpConnection? connection)
    {
        connection = null;
        var parts = text.Split('/');
        var error = SdpAddress.Check(type, parts[0]);
        if (error is not null)
        {
            return error;
        }

        var unicast = new SdpConnection(type, parts[0]);
        if (!unicast.IsMulticast)
        {
            connection = parts.Length == 1 ? unicast : null;
            return connection is null ? $"'{text}': only multicast addresses take a '/' suffix" : null;
        }

        var ipv4 = type == SdpAddressType.Ip4;
        int? ttl = null, count = null;
        if (ipv4 && (parts.Length is < 2 or > 3 || !TryReadSuffix(parts[1], 0, 255, out ttl)))
        {
            return $"'{text}': an IPv4 multicast address needs '/<ttl 0-255>[/<count>]'";
        }

        var countIndex = ipv4 ? 2 : 1;
        if ((!ipv4 && parts.Length > 2) || (parts.Length > countIndex && !TryReadSuffix(parts[countIndex], 1, 65535, out count)))
        {
            return $"'{text}': the multicast address count must be a number from 1";
        }

        connection = unicast with { Ttl = ttl, AddressCount = count };
        return null;
    }

    /// <summary>b=&lt;bwtype&gt;:&lt;bandwidth&gt; (§5.8).</summary>
    public static string? ParseBandwidth(string value, out SdpBandwidth? bandwidth)
    {
        bandwidth = null;
        var trimmed = SdpSyntax.TrimTrailingBlanks(value);
        var colon = trimmed.IndexOf(':');
        if (colon < 0 || !SdpSyntax.IsToken(trimmed.AsSpan(0, colon)) || !SdpSyntax.TryParseDigits(trimmed.AsSpan(colon + 1), out var amount))
        {
            return $"b={SdpLineReader.Excerpt(value)} must be '<bwtype>:<number>'";
        }

        bandwidth = new SdpBandwidth(trimmed[..colon], amount);
        return null;
    }

    /// <summary>t=&lt;start-time&gt; &lt;stop-time&gt; (§5.9), NTP seconds or 0.</summary>
    public static string? ParseTiming(string value, out SdpTiming? timing)
    {
        timing = null;
        var error = SplitFields(value, "t=", "<start-time> <stop-time>", 2, out var f);
        if (error is not null)
        {
            return error;
        }

        if (!SdpSyntax.TryParseDigits(f[0], out var start) || !SdpSyntax.TryParseDigits(f[1], out var stop))
        {
            return $"t={SdpLineReader.Excerpt(value)}: start and stop times must be numbers";
        }

        timing = new SdpTiming(start, stop);
        return null;
    }

    /// <summary>
    /// Splits into exactly <paramref name="count"/> fields separated by single spaces.
    /// </summary>
    public static string? SplitFields(string value, string line, string shape, int count, out string[] fields)
    {
        fields = SdpSyntax.TrimTrailingBlanks(value).Split(' ');
        if (fields.Any(f => f.Length == 0))
        {
            return $"{line} has an empty field (fields are separated by exactly one space): '{SdpLineReader.Excerpt(value)}'";
        }

        return fields.Length == count ? null : $"{line} needs {count} fields '{shape}' but has {fields.Length}";
    }

    private static bool TryReadSuffix(string text, int min, int max, out int? value)
    {
        value = SdpSyntax.TryParseInt(text, min, max, out var parsed) ? parsed : null;
        return value is not null;
    }
}
