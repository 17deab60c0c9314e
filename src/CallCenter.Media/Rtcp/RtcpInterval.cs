namespace CallCenter.Media.Rtcp;

/// <summary>
/// The RTCP transmission interval of RFC 3550 §6.3.1: RTCP gets a fixed share of the session bandwidth, divided
/// among the members (with a quarter reserved for senders when they are few), never less often than a minimum of
/// 5 s (half of it before the first report, §6.2), randomised over [0.5, 1.5] times the deterministic value so that
/// members do not synchronise, and scaled by 1/(e − 3/2) to compensate for timer reconsideration (§6.3.6).
/// </summary>
public static class RtcpInterval
{
    /// <summary>The minimum interval between reports (§6.2).</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromSeconds(5);

    /// <summary>The share of the session bandwidth given to RTCP (§6.2).</summary>
    public const double BandwidthFraction = 0.05;

    /// <summary>The share of the RTCP bandwidth kept for senders when they are at most a quarter of the members (§6.2).</summary>
    public const double SenderBandwidthFraction = 0.25;

    // e - 3/2: reconsideration makes the mean interval come out too short by this factor (§6.3.1).
    private const double ReconsiderationCompensation = 1.21828;

    /// <summary>
    /// The deterministic interval Td: the average compound size times the members sharing the bandwidth, divided by
    /// the RTCP bandwidth, but at least the minimum (halved for the first report).
    /// </summary>
    /// <param name="membership">Members and senders.</param>
    /// <param name="rtcpBandwidth">RTCP bandwidth for the whole session, octets per second (5% of the session bandwidth).</param>
    /// <param name="averageRtcpSize">Average compound RTCP size, octets, lower-layer headers included (§6.3.3).</param>
    /// <param name="initial">True before our first report.</param>
    public static TimeSpan Deterministic(RtcpMembership membership, double rtcpBandwidth, double averageRtcpSize, bool initial)
    {
        double minimum = Minimum.TotalSeconds / (initial ? 2 : 1);
        if (!(rtcpBandwidth > 0) || !(averageRtcpSize > 0))
        {
            return TimeSpan.FromSeconds(minimum);
        }

        int members = Math.Max(1, membership.Members);
        int senders = Math.Clamp(membership.Senders, 0, members);
        double bandwidth = rtcpBandwidth;
        int sharing = members;
        if (senders <= members * SenderBandwidthFraction)
        {
            // Few senders: they share a quarter of the bandwidth, the receivers the rest, so a new receiver learns
            // the senders' CNAMEs quickly however large the audience.
            if (membership.WeSent)
            {
                bandwidth *= SenderBandwidthFraction;
                sharing = senders;
            }
            else
            {
                bandwidth *= 1 - SenderBandwidthFraction;
                sharing = members - senders;
            }
        }

        double seconds = averageRtcpSize * sharing / bandwidth;
        return TimeSpan.FromSeconds(Math.Max(seconds, minimum));
    }

    /// <summary>
    /// The interval until the next report: <see cref="Deterministic"/> times a factor in [0.5, 1.5) chosen by
    /// <paramref name="unitRandom"/>, divided by e − 3/2.
    /// </summary>
    /// <param name="membership">Members and senders.</param>
    /// <param name="rtcpBandwidth">RTCP bandwidth for the whole session, octets per second.</param>
    /// <param name="averageRtcpSize">Average compound RTCP size, octets, lower-layer headers included.</param>
    /// <param name="initial">True before our first report.</param>
    /// <param name="unitRandom">A uniform random number in [0, 1); values outside are clamped.</param>
    public static TimeSpan Randomized(RtcpMembership membership, double rtcpBandwidth, double averageRtcpSize, bool initial, double unitRandom)
    {
        double factor = 0.5 + Math.Clamp(double.IsNaN(unitRandom) ? 0.5 : unitRandom, 0, 1);
        double seconds = Deterministic(membership, rtcpBandwidth, averageRtcpSize, initial).TotalSeconds * factor / ReconsiderationCompensation;
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>
    /// The RTCP bandwidth of a session of constant-rate audio streams: 5% of the session bandwidth, which counts the
    /// payload and the RTP, UDP and IP headers of every packet, times the participants when all of them send (§6.2).
    /// </summary>
    /// <param name="payloadBytesPerPacket">Payload octets per packet (160 for 20 ms of G.711).</param>
    /// <param name="packetsPerSecond">Packets per second (50 for 20 ms packets).</param>
    /// <param name="lowerLayerOverhead">UDP and IP header octets per packet (28 for IPv4, 48 for IPv6).</param>
    /// <param name="participants">Participants that may send (2 for a call).</param>
    public static double BandwidthForAudio(int payloadBytesPerPacket, double packetsPerSecond, int lowerLayerOverhead, int participants) =>
        BandwidthFraction * (payloadBytesPerPacket + 12 + lowerLayerOverhead) * packetsPerSecond * participants;
}
