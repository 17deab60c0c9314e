namespace CallCenter.Calls.Media;

/// <summary>
/// The media statistics of one leg when it ends, for metrics and logs. Received figures describe the peer's main
/// RTP stream as RFC 3550 Appendix A measures it (the source the leg followed last, if the peer changed SSRC).
/// </summary>
/// <param name="LegId">The leg's identifier.</param>
/// <param name="PacketsReceived">RTP packets accepted from the peer (every payload type, telephone-event included).</param>
/// <param name="BytesReceived">Their size, RTP header and payload.</param>
/// <param name="PacketsSent">RTP packets the leg sent.</param>
/// <param name="BytesSent">Their size, RTP header and payload.</param>
/// <param name="RtcpPacketsReceived">Compound RTCP packets accepted from the peer.</param>
/// <param name="RtcpPacketsSent">Compound RTCP packets the leg sent.</param>
/// <param name="PacketsExpected">Packets the peer's stream should have delivered, first to highest sequence number (A.3); 0 when none was validated.</param>
/// <param name="PacketsLost">Expected minus received, at least 0 (duplicates can make the difference negative).</param>
/// <param name="JitterMilliseconds">The interarrival jitter estimate (A.8) of the peer's stream, in milliseconds.</param>
/// <param name="PeerReport">What the peer last reported about our stream in an SR or RR; null when it sent none.</param>
public sealed record MediaLegSummary(
    string LegId,
    long PacketsReceived,
    long BytesReceived,
    long PacketsSent,
    long BytesSent,
    long RtcpPacketsReceived,
    long RtcpPacketsSent,
    long PacketsExpected,
    long PacketsLost,
    double JitterMilliseconds,
    PeerReceptionReport? PeerReport)
{
    /// <summary>True when the peer's stream was received long enough to be measured.</summary>
    public bool HasReceiveStatistics => PacketsExpected > 0;

    /// <summary>Packets lost as a fraction of those expected, 0 to 1; 0 when nothing was expected.</summary>
    public double LossFraction => PacketsExpected > 0 ? Math.Min(1.0, (double)PacketsLost / PacketsExpected) : 0;
}

/// <summary>The peer's view of our stream, from the report block about our SSRC in its last SR or RR (RFC 3550 §6.4.1).</summary>
/// <param name="FractionLost">Loss during the peer's last report interval, 0 to 1 (the 8-bit field divided by 256).</param>
/// <param name="CumulativeLost">Packets of ours the peer counts as lost since it started receiving.</param>
/// <param name="JitterMilliseconds">The peer's interarrival jitter estimate for our stream, in milliseconds.</param>
public sealed record PeerReceptionReport(double FractionLost, int CumulativeLost, double JitterMilliseconds);
