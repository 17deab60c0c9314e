using System.Globalization;
using System.Text;

namespace CallCenter.RtpProbe;

/// <summary>Formats the probe's figures: a readable block, then one machine-readable line for the bench scripts.</summary>
public static class ProbeReport
{
    /// <summary>The report of one window.</summary>
    /// <param name="label">Name of the probe.</param>
    /// <param name="window">How long the window lasted.</param>
    /// <param name="pacing">The receive figures.</param>
    /// <param name="talker">The talker's figures, or null when it did not talk.</param>
    /// <param name="echoFailures">Echo sends that failed.</param>
    /// <param name="tolerance">The pacing tolerance.</param>
    /// <param name="socketDrops">Datagrams the kernel dropped at the probe's socket since it opened (null when unknown).</param>
    public static string Format(string label, TimeSpan window, PacingSummary pacing, TalkerSummary? talker, long echoFailures, TimeSpan tolerance, long? socketDrops)
    {
        var c = pacing.Counters;
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"[{label}] window {window.TotalSeconds:F1} s: {c.NewStreams} streams, {c.Packets} packets ({c.Packets / Math.Max(window.TotalSeconds, 0.001):F0}/s), {pacing.Gaps} gaps");
        text.AppendLine(culture, $"[{label}] |gap - interval|: p50 {Ms(pacing.P50Microseconds)} ms, p99 {Ms(pacing.P99Microseconds)} ms, p99.9 {Ms(pacing.P999Microseconds)} ms, max {Ms(pacing.MaxMicroseconds)} ms; within ±{tolerance.TotalMilliseconds:0.###} ms: {pacing.WithinTolerance * 100:F3} %; streams with a gap outside: {pacing.StreamsOutOfTolerance}");
        text.Append(culture, $"[{label}] gaps by deviation:");
        int lower = 0;
        for (int i = 0; i < pacing.Distribution.Count; i++)
        {
            string band = i < PacingSummary.DistributionBandsMilliseconds.Count ? $"{lower}-{PacingSummary.DistributionBandsMilliseconds[i]} ms" : $">{lower} ms";
            text.Append(culture, $" {band} {pacing.Distribution[i] * 100:F2} %;");
            lower = i < PacingSummary.DistributionBandsMilliseconds.Count ? PacingSummary.DistributionBandsMilliseconds[i] : lower;
        }

        text.AppendLine();
        text.AppendLine(culture, $"[{label}] lost {c.Lost} ({pacing.LossRatio * 100:F4} %) in {c.SequenceJumps} sequence jumps, duplicates {c.Duplicates}, reordered {c.Reordered}, wrong payload type {c.WrongPayloadType}, not RTP {c.NotRtp}, echo failures {echoFailures}; dropped at the probe's socket since it opened: {(socketDrops is { } d ? d.ToString(culture) : "unknown")}");
        if (talker is not null)
        {
            text.AppendLine(culture, $"[{label}] talker: {talker.Streams} streams, {talker.PacketsSent} packets sent, {talker.SendFailures} send failures; tick lateness p99 {Ms(talker.LatenessP99)} ms max {Ms(talker.LatenessMax)} ms; burst p99 {Ms(talker.BurstP99)} ms max {Ms(talker.BurstMax)} ms");
        }

        text.Append(culture, $"RTPPROBE label={label} seconds={window.TotalSeconds:F1} streams={c.NewStreams} packets={c.Packets} gaps={pacing.Gaps}");
        text.Append(culture, $" p50_us={pacing.P50Microseconds} p99_us={pacing.P99Microseconds} p999_us={pacing.P999Microseconds} max_us={pacing.MaxMicroseconds}");
        text.Append(culture, $" within={pacing.WithinTolerance:F6} streams_out={pacing.StreamsOutOfTolerance} lost={c.Lost} jumps={c.SequenceJumps}");
        text.Append(culture, $" duplicates={c.Duplicates} reordered={c.Reordered} wrong_pt={c.WrongPayloadType} not_rtp={c.NotRtp} echo_failures={echoFailures} socket_drops={socketDrops ?? -1}");
        if (talker is not null)
        {
            text.Append(culture, $" talk_streams={talker.Streams} talk_sent={talker.PacketsSent} talk_failures={talker.SendFailures} talk_late_p99_us={talker.LatenessP99} talk_late_max_us={talker.LatenessMax} talk_burst_p99_us={talker.BurstP99}");
        }

        return text.ToString();
    }

    private static string Ms(long microseconds) => (microseconds / 1000.0).ToString("F3", CultureInfo.InvariantCulture);
}
