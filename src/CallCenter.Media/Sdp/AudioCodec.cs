namespace CallCenter.Media.Sdp;

/// <summary>An audio codec we can send and receive, with the payload type we offer it under.</summary>
/// <param name="PayloadType">The payload type used in our offers (the static one for G.711).</param>
/// <param name="EncodingName">The rtpmap encoding name, e.g. "PCMU".</param>
/// <param name="ClockRate">The RTP clock rate in Hz.</param>
public sealed record AudioCodec(int PayloadType, string EncodingName, int ClockRate)
{
    /// <summary>G.711 µ-law, static payload type 0 (RFC 3551 §4.5.14).</summary>
    public static AudioCodec Pcmu { get; } = new(0, "PCMU", 8000);

    /// <summary>G.711 A-law, static payload type 8 (RFC 3551 §4.5.14).</summary>
    public static AudioCodec Pcma { get; } = new(8, "PCMA", 8000);

    /// <summary>True when <paramref name="rtpMap"/> names this codec, whatever payload type it uses: same name (ignoring case), rate, one channel.</summary>
    public bool Matches(RtpMapAttribute rtpMap) =>
        string.Equals(rtpMap.EncodingName, EncodingName, StringComparison.OrdinalIgnoreCase)
        && rtpMap.ClockRate == ClockRate
        && (rtpMap.Channels ?? 1) == 1;

    /// <summary>The a=rtpmap line for this codec under <paramref name="payloadType"/>.</summary>
    public RtpMapAttribute ToRtpMap(int payloadType) => new(payloadType, EncodingName, ClockRate);
}
