using System.Globalization;

namespace CallCenter.Media.Sdp;

/// <summary>
/// One media description (RFC 4566 §5.14): the m= line and the i=, c=, b=, k= and a= lines under it.
/// Equality compares every field, lists element by element.
/// </summary>
public sealed record MediaDescription
{
    /// <summary>The media type: "audio", "video", "text", "application", "message" or another token.</summary>
    public required string Media { get; init; }

    /// <summary>The transport port; 0 marks a stream rejected or disabled by offer/answer (RFC 3264 §6, §8.2).</summary>
    public required int Port { get; init; }

    /// <summary>The "/&lt;number of ports&gt;" suffix of the port, when written.</summary>
    public int? PortCount { get; init; }

    /// <summary>The transport protocol, e.g. "RTP/AVP" (RFC 3551), kept as written.</summary>
    public string Protocol { get; init; } = "RTP/AVP";

    /// <summary>The formats in the writer's order of preference: payload type numbers for RTP media.</summary>
    public required IReadOnlyList<string> Formats { get; init; }

    /// <summary>The i= line (media title), when present.</summary>
    public string? Information { get; init; }

    /// <summary>The media-level c= line; null when the session-level one applies.</summary>
    public SdpConnection? Connection { get; init; }

    /// <summary>The b= lines.</summary>
    public IReadOnlyList<SdpBandwidth> Bandwidths { get; init; } = [];

    /// <summary>The k= line, kept as written (RFC 8866 has since removed it).</summary>
    public string? EncryptionKey { get; init; }

    /// <summary>The a= lines in their order.</summary>
    public IReadOnlyList<SdpAttribute> Attributes { get; init; } = [];

    /// <summary>True when the port is 0.</summary>
    public bool IsRejected => Port == 0;

    /// <summary>True for media type "audio" (ignoring case).</summary>
    public bool IsAudio => string.Equals(Media, "audio", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the protocol is RTP-based ("RTP/AVP", "RTP/SAVP", "UDP/TLS/RTP/SAVPF"…), so the formats are payload types.</summary>
    public bool IsRtp => SdpSyntax.IsRtpProtocol(Protocol);

    /// <summary>The formats that are payload type numbers, in order.</summary>
    public IEnumerable<int> PayloadTypes =>
        Formats.Select(f => SdpSyntax.TryParseInt(f, 0, StaticPayloadTypes.Max, out var pt) ? pt : -1).Where(pt => pt >= 0);

    /// <summary>The media-level direction attribute, or null when there is none.</summary>
    public SdpDirection? Direction => Attributes.OfType<DirectionAttribute>().FirstOrDefault()?.Direction;

    /// <summary>a=ptime in milliseconds, or null.</summary>
    public int? Ptime => Attributes.OfType<PtimeAttribute>().FirstOrDefault()?.Milliseconds;

    /// <summary>a=maxptime in milliseconds, or null.</summary>
    public int? MaxPtime => Attributes.OfType<MaxPtimeAttribute>().FirstOrDefault()?.Milliseconds;

    /// <summary>a=rtcp (RFC 3605), or null.</summary>
    public RtcpAttribute? Rtcp => Attributes.OfType<RtcpAttribute>().FirstOrDefault();

    /// <summary>The codec of <paramref name="payloadType"/>: its a=rtpmap, else the RFC 3551 static assignment, else null.</summary>
    public RtpMapAttribute? RtpMapFor(int payloadType) =>
        Attributes.OfType<RtpMapAttribute>().FirstOrDefault(m => m.PayloadType == payloadType) ?? StaticPayloadTypes.Lookup(payloadType);

    /// <summary>The a=fmtp of <paramref name="payloadType"/>, or null.</summary>
    public FmtpAttribute? FmtpFor(int payloadType)
    {
        var format = payloadType.ToString(CultureInfo.InvariantCulture);
        return Attributes.OfType<FmtpAttribute>().FirstOrDefault(f => f.Format == format);
    }

    /// <summary>The value of the m= line, e.g. "audio 49170 RTP/AVP 0 8 101".</summary>
    public string MediaLine =>
        string.Create(CultureInfo.InvariantCulture, $"{Media} {Port}")
        + (PortCount is { } count ? "/" + count.ToString(CultureInfo.InvariantCulture) : string.Empty)
        + " " + Protocol + " " + string.Join(' ', Formats);

    /// <summary>Value equality over every field.</summary>
    public bool Equals(MediaDescription? other) =>
        other is not null
        && Media == other.Media && Port == other.Port && PortCount == other.PortCount && Protocol == other.Protocol
        && Formats.SequenceEqual(other.Formats) && Information == other.Information && Equals(Connection, other.Connection)
        && Bandwidths.SequenceEqual(other.Bandwidths) && EncryptionKey == other.EncryptionKey
        && Attributes.SequenceEqual(other.Attributes);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Media, Port, Protocol, Formats.Count, Attributes.Count);

    /// <summary>The m= line value (for diagnostics).</summary>
    public override string ToString() => MediaLine;
}
