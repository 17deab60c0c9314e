namespace CallCenter.Media.Sdp;

/// <summary>
/// Parses m=&lt;media&gt; &lt;port&gt;[/&lt;number of ports&gt;] &lt;proto&gt; &lt;fmt&gt; … (RFC 4566 §5.14). For RTP protocols
/// the formats are payload type numbers 0-127 (RFC 3551 §3), each listed once.
/// </summary>
internal static class SdpMediaLineParser
{
    private const int MaxPort = 65535;

    public static string? Parse(string value, out MediaDescription? media)
    {
        media = null;
        var fields = SdpSyntax.TrimTrailingBlanks(value).Split(' ');
        if (fields.Any(f => f.Length == 0))
        {
            return $"m= has an empty field (fields are separated by exactly one space): '{SdpLineReader.Excerpt(value)}'";
        }

        if (fields.Length < 4)
        {
            return "m= needs '<media> <port> <proto> <format> …' with at least one format";
        }

        if (!SdpSyntax.IsToken(fields[0]))
        {
            return $"media type '{SdpLineReader.Excerpt(fields[0])}' is not a token";
        }

        var error = ParsePort(fields[1], out var port, out var portCount) ?? CheckProtocol(fields[2]);
        if (error is not null)
        {
            return error;
        }

        var formats = fields[3..];
        error = CheckFormats(formats, SdpSyntax.IsRtpProtocol(fields[2]));
        if (error is not null)
        {
            return error;
        }

        media = new MediaDescription { Media = fields[0], Port = port, PortCount = portCount, Protocol = fields[2], Formats = formats };
        return null;
    }

    private static string? ParsePort(string text, out int port, out int? portCount)
    {
        portCount = null;
        var slash = text.IndexOf('/');
        var portText = slash < 0 ? text : text[..slash];
        if (!SdpSyntax.TryParseInt(portText, 0, MaxPort, out port))
        {
            return $"bad port '{SdpLineReader.Excerpt(portText)}' (must be a number from 0 to 65535)";
        }

        if (slash < 0)
        {
            return null;
        }

        if (!SdpSyntax.TryParseInt(text.AsSpan(slash + 1), 1, MaxPort, out var count))
        {
            return $"bad port count in '{SdpLineReader.Excerpt(text)}' (must be a number from 1)";
        }

        portCount = count;
        return null;
    }

    private static string? CheckProtocol(string protocol) =>
        protocol.Split('/').All(part => SdpSyntax.IsToken(part))
            ? null
            : $"transport protocol '{SdpLineReader.Excerpt(protocol)}' is not a '/'-separated list of tokens";

    private static string? CheckFormats(string[] formats, bool rtp)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var format in formats)
        {
            // Leading zeros are refused so that each payload type has one spelling ("8", never "08").
            if (rtp && (!SdpSyntax.TryParseInt(format, 0, StaticPayloadTypes.Max, out _) || (format.Length > 1 && format[0] == '0')))
            {
                return $"format '{SdpLineReader.Excerpt(format)}' is not an RTP payload type (0-127)";
            }

            if (!rtp && !SdpSyntax.IsToken(format))
            {
                return $"format '{SdpLineReader.Excerpt(format)}' is not a token";
            }

            if (!seen.Add(format))
            {
                return $"format {format} is listed twice";
            }
        }

        return null;
    }
}
