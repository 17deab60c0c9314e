using System.Globalization;

namespace CallCenter.Media.Sdp;

/// <summary>
/// a=rtpmap:&lt;payload type&gt; &lt;encoding name&gt;/&lt;clock rate&gt;[/&lt;channels&gt;] (RFC 4566 §6): the codec an RTP
/// payload type stands for. Static payload types have an implied rtpmap (RFC 3551 §6, <see cref="StaticPayloadTypes"/>).
/// </summary>
/// <param name="PayloadType">0-127.</param>
/// <param name="EncodingName">The media subtype, e.g. "PCMU" or "telephone-event"; compared ignoring case (RFC 4855 §3).</param>
/// <param name="ClockRate">RTP timestamp rate in Hz.</param>
/// <param name="Channels">Audio channels when written; absent means one.</param>
public sealed record RtpMapAttribute(int PayloadType, string EncodingName, int ClockRate, int? Channels = null) : SdpAttribute
{
    /// <summary>The media subtype of RFC 4733 DTMF events.</summary>
    public const string TelephoneEventName = "telephone-event";

    /// <inheritdoc />
    public override string Name => "rtpmap";

    /// <inheritdoc />
    public override string? Value => string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {EncodingName}/{ClockRate}")
        + (Channels is { } channels ? "/" + channels.ToString(CultureInfo.InvariantCulture) : string.Empty);

    /// <summary>True for telephone-event (RFC 4733), whatever the clock rate.</summary>
    public bool IsTelephoneEvent => string.Equals(EncodingName, TelephoneEventName, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when both name the same codec: same encoding name (ignoring case), clock rate and channel count.</summary>
    public bool IsSameCodec(RtpMapAttribute other) =>
        string.Equals(EncodingName, other.EncodingName, StringComparison.OrdinalIgnoreCase)
        && ClockRate == other.ClockRate
        && (Channels ?? 1) == (other.Channels ?? 1);

    /// <summary>The codec as "NAME/rate", with "/channels" when not one, for messages.</summary>
    public string CodecText => string.Create(CultureInfo.InvariantCulture, $"{EncodingName}/{ClockRate}")
        + (Channels is { } channels && channels != 1 ? "/" + channels.ToString(CultureInfo.InvariantCulture) : string.Empty);
}
