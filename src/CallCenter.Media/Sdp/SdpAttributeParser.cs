namespace CallCenter.Media.Sdp;

/// <summary>
/// Parses an a= line (RFC 4566 §5.13): "&lt;name&gt;" or "&lt;name&gt;:&lt;value&gt;". Direction attributes are typed at
/// both levels; rtpmap, fmtp, ptime, maxptime (RFC 4566 §6) and rtcp (RFC 3605) are media-level attributes
/// and typed there. Everything else becomes a <see cref="GenericAttribute"/>. Known names are matched
/// ignoring case, as ABNF literals are.
/// </summary>
internal static class SdpAttributeParser
{
    private const int MaxPort = 65535;

    public static string? Parse(string line, bool mediaLevel, out SdpAttribute? attribute)
    {
        attribute = null;
        var text = SdpSyntax.TrimTrailingBlanks(line);
        var colon = text.IndexOf(':');
        var name = colon < 0 ? text : text[..colon];
        var value = colon < 0 ? null : text[(colon + 1)..];
        if (!SdpSyntax.IsToken(name))
        {
            return $"attribute name '{SdpLineReader.Excerpt(name)}' is not a token";
        }

        if (SdpDirectionExtensions.TryParseAttributeName(name, out var direction))
        {
            attribute = value is null ? new DirectionAttribute(direction) : null;
            return value is null ? null : $"a={name} takes no value";
        }

        if (mediaLevel && value is null && IsTyped(name))
        {
            return $"a={name} needs a value";
        }

        var error = mediaLevel ? ParseTyped(name.ToLowerInvariant(), value, out attribute) : null;
        attribute ??= error is null ? new GenericAttribute(name, value) : null;
        return error;
    }

    private static bool IsTyped(string name) => name.ToLowerInvariant() is "rtpmap" or "fmtp" or "ptime" or "maxptime" or "rtcp";

    private static string? ParseTyped(string name, string? value, out SdpAttribute? attribute)
    {
        attribute = null;
        switch (name)
        {
            case "rtpmap":
                return ParseRtpMap(value!, out attribute);
            case "fmtp":
                return ParseFmtp(value!, out attribute);
            case "ptime" or "maxptime":
                if (!SdpSyntax.TryParseInt(value, 1, int.MaxValue, out var ms))
                {
                    return $"a={name}:{SdpLineReader.Excerpt(value!)} is not a whole positive number of milliseconds";
                }

                attribute = name == "ptime" ? new PtimeAttribute(ms) : new MaxPtimeAttribute(ms);
                return null;
            case "rtcp":
                return ParseRtcp(value!, out attribute);
            default:
                return null;
        }
    }

    /// <summary>&lt;payload type&gt; &lt;encoding name&gt;/&lt;clock rate&gt;[/&lt;encoding parameters&gt;] (RFC 4566 §6).</summary>
    private static string? ParseRtpMap(string value, out SdpAttribute? attribute)
    {
        attribute = null;
        var shape = $"a=rtpmap:{SdpLineReader.Excerpt(value)} must be '<payload type> <encoding name>/<clock rate>[/<channels>]'";
        var space = value.IndexOf(' ');
        if (space < 0)
        {
            return shape;
        }

        var ptText = value[..space];
        if (!SdpSyntax.TryParseInt(ptText, 0, StaticPayloadTypes.Max, out var pt) || (ptText.Length > 1 && ptText[0] == '0'))
        {
            return $"a=rtpmap payload type '{SdpLineReader.Excerpt(ptText)}' is not 0-127";
        }

        var parts = value[(space + 1)..].Split('/');
        int? channels = null;
        if (parts.Length is < 2 or > 3 || !SdpSyntax.IsToken(parts[0]) || !SdpSyntax.TryParseInt(parts[1], 1, int.MaxValue, out var rate)
            || (parts.Length == 3 && !TryReadChannels(parts[2], out channels)))
        {
            return shape;
        }

        var map = new RtpMapAttribute(pt, parts[0], rate, channels);
        if (StaticPayloadTypes.Contradicted(map) is { } assigned)
        {
            return $"a=rtpmap:{pt} names {map.CodecText} but RFC 3551 assigns payload type {pt} to {assigned.CodecText}";
        }

        attribute = map;
        return null;
    }

    private static bool TryReadChannels(string text, out int? channels)
    {
        channels = SdpSyntax.TryParseInt(text, 1, int.MaxValue, out var parsed) ? parsed : null;
        return channels is not null;
    }

    /// <summary>&lt;format&gt; &lt;format specific parameters&gt; (RFC 4566 §6).</summary>
    private static string? ParseFmtp(string value, out SdpAttribute? attribute)
    {
        attribute = null;
        var space = value.IndexOf(' ');
        if (space <= 0 || space == value.Length - 1 || !SdpSyntax.IsToken(value.AsSpan(0, space)))
        {
            return $"a=fmtp:{SdpLineReader.Excerpt(value)} must be '<format> <parameters>'";
        }

        attribute = new FmtpAttribute(value[..space], value[(space + 1)..]);
        return null;
    }

    /// <summary>&lt;port&gt; [&lt;nettype&gt; &lt;addrtype&gt; &lt;connection-address&gt;] (RFC 3605 §2.1).</summary>
    private static string? ParseRtcp(string value, out SdpAttribute? attribute)
    {
        attribute = null;
        var fields = value.Split(' ');
        if ((fields.Length != 1 && fields.Length != 4) || fields.Any(f => f.Length == 0))
        {
            return $"a=rtcp:{SdpLineReader.Excerpt(value)} must be '<port>' or '<port> IN <addrtype> <address>'";
        }

        if (!SdpSyntax.TryParseInt(fields[0], 1, MaxPort, out var port))
        {
            return $"a=rtcp port '{SdpLineReader.Excerpt(fields[0])}' is not 1-65535";
        }

        SdpConnection? connection = null;
        var error = fields.Length == 1
            ? null
            : SdpSyntax.CheckNetworkType(fields[1]) ?? SdpSyntax.ParseAddressType(fields[2], out var type)
                ?? SdpFieldParser.ParseConnectionAddress(type, fields[3], out connection);
        attribute = error is null ? new RtcpAttribute(port, connection) : null;
        return error;
    }
}
