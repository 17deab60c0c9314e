namespace CallCenter.Media.Transport;

/// <summary>A snapshot of one endpoint's packet counters.</summary>
/// <param name="RtpReceived">RTP packets accepted and delivered.</param>
/// <param name="RtpBytesReceived">Octets of those packets, headers included (what the leg's traffic figures report).</param>
/// <param name="RtpMalformed">Datagrams on the RTP port that are not valid RTP.</param>
/// <param name="RtpUnexpectedPayloadType">RTP packets of a payload type that was not negotiated.</param>
/// <param name="RtpFromOtherSources">RTP packets from a source the stream is not latched to (floods, stray streams).</param>
/// <param name="RtcpReceived">Compound RTCP packets accepted and delivered.</param>
/// <param name="RtcpMalformed">Datagrams on the RTCP port that are not valid compound RTCP.</param>
/// <param name="RtcpFromOtherSources">RTCP packets from a source that is neither latched nor the peer's.</param>
/// <param name="Latches">Times RTP latched to a new source address.</param>
/// <param name="RtpSent">RTP packets handed to the operating system.</param>
/// <param name="RtcpSent">RTCP packets handed to the operating system.</param>
/// <param name="SendFailures">Sends the operating system refused.</param>
/// <param name="SendsWithoutDestination">Sends attempted before any remote address was known.</param>
public readonly record struct RtpEndpointCounters(
    long RtpReceived,
    long RtpBytesReceived,
    long RtpMalformed,
    long RtpUnexpectedPayloadType,
    long RtpFromOtherSources,
    long RtcpReceived,
    long RtcpMalformed,
    long RtcpFromOtherSources,
    long Latches,
    long RtpSent,
    long RtcpSent,
    long SendFailures,
    long SendsWithoutDestination);
