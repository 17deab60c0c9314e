namespace CallCenter.Media.Rtp;

/// <summary>How <see cref="RtpReceiveStatistics"/> classified one packet's sequence number (RFC 3550 Appendix A.1).</summary>
public enum RtpSequenceStatus
{
    /// <summary>In order, possibly after a gap of lost packets; counted.</summary>
    Accepted,

    /// <summary>Older than the highest sequence seen (reordered or duplicated) but within the misorder window; counted.</summary>
    Late,

    /// <summary>The source is still on probation (not enough consecutive packets yet); not counted.</summary>
    InProbation,

    /// <summary>A jump too large to trust, not yet confirmed by a following packet; not counted.</summary>
    Rejected,

    /// <summary>A confirmed large jump: the sender restarted its sequence, so the statistics started over; counted.</summary>
    Restarted,
}
