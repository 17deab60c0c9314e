namespace CallCenter.Media.Rtp;

/// <summary>A read-only snapshot of <see cref="RtpReceiveStatistics"/>, for metrics and logs.</summary>
/// <param name="Ssrc">The source described.</param>
/// <param name="PacketsReceived">Packets counted as received (duplicates included).</param>
/// <param name="PacketsExpected">Packets expected from the first to the highest sequence number.</param>
/// <param name="CumulativeLost">Expected minus received.</param>
/// <param name="ExtendedHighestSequence">Highest sequence number with the wrap count in the upper 16 bits.</param>
/// <param name="Jitter">Interarrival jitter in RTP timestamp units.</param>
public readonly record struct RtpReceiveSummary(
    uint Ssrc, long PacketsReceived, long PacketsExpected, long CumulativeLost, uint ExtendedHighestSequence, uint Jitter);
