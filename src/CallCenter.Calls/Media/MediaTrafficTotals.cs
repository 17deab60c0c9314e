namespace CallCenter.Calls.Media;

/// <summary>
/// Packets and bytes moved by every leg since the engine started, open legs included. Each figure only grows, so it
/// can be exposed as a counter.
/// </summary>
/// <param name="RtpPacketsReceived">RTP packets accepted from peers.</param>
/// <param name="RtpBytesReceived">Their size, RTP header and payload.</param>
/// <param name="RtpPacketsSent">RTP packets sent to peers.</param>
/// <param name="RtpBytesSent">Their size, RTP header and payload.</param>
/// <param name="RtcpPacketsReceived">Compound RTCP packets accepted from peers.</param>
/// <param name="RtcpPacketsSent">Compound RTCP packets sent to peers.</param>
public readonly record struct MediaTrafficTotals(
    long RtpPacketsReceived,
    long RtpBytesReceived,
    long RtpPacketsSent,
    long RtpBytesSent,
    long RtcpPacketsReceived,
    long RtcpPacketsSent)
{
    /// <summary>The sum of two totals.</summary>
    public static MediaTrafficTotals operator +(MediaTrafficTotals a, MediaTrafficTotals b) => new(
        a.RtpPacketsReceived + b.RtpPacketsReceived,
        a.RtpBytesReceived + b.RtpBytesReceived,
        a.RtpPacketsSent + b.RtpPacketsSent,
        a.RtpBytesSent + b.RtpBytesSent,
        a.RtcpPacketsReceived + b.RtcpPacketsReceived,
        a.RtcpPacketsSent + b.RtcpPacketsSent);
}
