using CallCenter.Calls.Media;
using CallCenter.Media.Dtmf;
using Prometheus;

namespace CallCenter.Server.Metrics;

/// <summary>
/// Media metrics: RTP and RTCP traffic of all legs (read from the engine's totals when /metrics is scraped, so
/// nothing is done per packet), each ended leg's loss and jitter as histograms, and key presses by how they arrived.
/// </summary>
public sealed class MediaMetrics(CollectorRegistry registry, MediaEngine media)
{
    /// <summary>Loss-ratio buckets: lossless, then the 0.1–5% range where G.711 degrades audibly, then broken streams.</summary>
    public static readonly double[] LossBuckets = [0, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1];

    /// <summary>Jitter buckets in seconds: 1 ms up to 200 ms, beyond any jitter buffer a phone would use.</summary>
    public static readonly double[] JitterBuckets = [0.001, 0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2];

    private static readonly string[] Directions = ["in", "out"];

    /// <summary>Creates the collectors and subscribes to the engine.</summary>
    public void Register()
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        var rtpPackets = factory.CreateCounter("callcenter_rtp_packets_total", "RTP packets received from (in) and sent to (out) peers, all legs.", "direction");
        var rtpBytes = factory.CreateCounter("callcenter_rtp_bytes_total", "RTP bytes (header and payload) received from (in) and sent to (out) peers, all legs.", "direction");
        var rtcpPackets = factory.CreateCounter("callcenter_rtcp_packets_total", "Compound RTCP packets received from (in) and sent to (out) peers, all legs.", "direction");
        var loss = factory.CreateHistogram(
            "callcenter_rtp_leg_loss_ratio",
            "Per ended leg: packets of the peer's RTP stream lost as a fraction of those expected (RFC 3550 A.3).",
            new HistogramConfiguration { Buckets = LossBuckets });
        var jitter = factory.CreateHistogram(
            "callcenter_rtp_leg_jitter_seconds",
            "Per ended leg: interarrival jitter of the peer's RTP stream at the leg's end (RFC 3550 A.8).",
            new HistogramConfiguration { Buckets = JitterBuckets });
        var dtmf = factory.CreateCounter("callcenter_dtmf_events_total", "Key presses received, by method: rfc4733, info (SIP INFO) or inband.", "method");
        foreach (var direction in Directions)
        {
            rtpPackets.WithLabels(direction);
            rtpBytes.WithLabels(direction);
            rtcpPackets.WithLabels(direction);
        }

        foreach (var method in Enum.GetValues<DtmfMethod>())
        {
            dtmf.WithLabels(MethodLabel(method));
        }

        media.DigitReceived += method => dtmf.WithLabels(MethodLabel(method)).Inc();
        media.LegClosed += summary =>
        {
            // A leg that received no measurable stream (never answered, or a peer that only listens) has no loss or
            // jitter to report; counting it as perfect would hide real problems.
            if (summary.HasReceiveStatistics)
            {
                loss.Observe(summary.LossFraction);
                jitter.Observe(summary.JitterMilliseconds / 1000);
            }
        };
        registry.AddBeforeCollectCallback(() =>
        {
            var totals = media.GetTrafficTotals();
            rtpPackets.WithLabels("in").IncTo(totals.RtpPacketsReceived);
            rtpPackets.WithLabels("out").IncTo(totals.RtpPacketsSent);
            rtpBytes.WithLabels("in").IncTo(totals.RtpBytesReceived);
            rtpBytes.WithLabels("out").IncTo(totals.RtpBytesSent);
            rtcpPackets.WithLabels("in").IncTo(totals.RtcpPacketsReceived);
            rtcpPackets.WithLabels("out").IncTo(totals.RtcpPacketsSent);
        });
    }

    /// <summary>The label value of a DTMF method; a fixed set, so the series stay bounded.</summary>
    public static string MethodLabel(DtmfMethod method) => method switch
    {
        DtmfMethod.Rfc4733 => "rfc4733",
        DtmfMethod.SipInfo => "info",
        DtmfMethod.InBand => "inband",
        _ => "other",
    };
}
