namespace CallCenter.Media.Sdp;

/// <summary>
/// Collects the lines of one media description while parsing (RFC 4566 §5: i=, c=, b=, k=, a= after the m=
/// line) and refuses repeats that would make it ambiguous: a second c=, i= or k=, direction attribute, ptime,
/// maxptime, rtcp, or rtpmap/fmtp for the same format.
/// </summary>
internal sealed class SdpMediaBuilder(int lineNumber, MediaDescription media)
{
    private readonly List<SdpAttribute> _attributes = [];
    private readonly List<SdpBandwidth> _bandwidths = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private MediaDescription _media = media;

    /// <summary>The number of the m= line.</summary>
    public int LineNumber { get; } = lineNumber;

    /// <summary>True once a media-level c= line was read.</summary>
    public bool HasConnection => _media.Connection is not null;

    /// <summary>True when the port is not 0.</summary>
    public bool IsActive => _media.Port != 0;

    public string? Add(SdpLine line)
    {
        switch (line.Type)
        {
            case 'i':
                _media = _media with { Information = line.Value };
                return Once("i=");
            case 'c':
                var error = SdpFieldParser.ParseConnection(line.Value, out var connection) ?? Once("c=");
                _media = _media with { Connection = connection };
                return error;
            case 'b':
                error = SdpFieldParser.ParseBandwidth(line.Value, out var bandwidth);
                if (bandwidth is not null)
                {
                    _bandwidths.Add(bandwidth);
                }

                return error;
            case 'k':
                _media = _media with { EncryptionKey = line.Value };
                return Once("k=");
            case 'a':
                return AddAttribute(line.Value);
            default:
                return SdpDescriptionBuilder.Misplaced(line.Type);
        }
    }

    public MediaDescription Build() => _media with { Bandwidths = _bandwidths.ToArray(), Attributes = _attributes.ToArray() };

    private string? AddAttribute(string value)
    {
        var error = SdpAttributeParser.Parse(value, mediaLevel: true, out var attribute);
        if (error is not null)
        {
            return error;
        }

        var key = attribute switch
        {
            DirectionAttribute => "direction",
            PtimeAttribute or MaxPtimeAttribute or RtcpAttribute => "a=" + attribute.Name,
            RtpMapAttribute map => "a=rtpmap:" + map.Value![..map.Value!.IndexOf(' ')],
            FmtpAttribute fmtp => "a=fmtp:" + fmtp.Format,
            _ => null,
        };
        if (key is not null && !_seen.Add(key))
        {
            return key == "direction"
                ? $"a={attribute!.Name} is a second direction attribute in this media description"
                : $"{key} appears twice in this media description";
        }

        _attributes.Add(attribute!);
        return null;
    }

    private string? Once(string key) => _seen.Add(key) ? null : $"second {key} line in this media description";
}
