namespace CallCenter.Media.Rtcp;

/// <summary>
/// Reads what a peer says about our stream: the report block for our SSRC in the SRs and RRs of a compound packet
/// (RFC 3550 §6.4). Packets of other types, blocks about other sources and packets that do not parse are skipped;
/// nothing here throws, whatever the datagram held.
/// </summary>
public static class RtcpReceptionFeedback
{
    /// <summary>
    /// The last report block about <paramref name="ssrc"/> in <paramref name="compound"/>; false when there is none.
    /// </summary>
    public static bool TryFind(RtcpCompoundPacket compound, uint ssrc, out RtcpReportBlock block)
    {
        block = default;
        bool found = false;
        foreach (var packet in compound)
        {
            if (RtcpSenderReport.TryParse(packet, out var senderReport, out _))
            {
                found |= TryFindIn(senderReport, ssrc, ref block);
            }
            else if (RtcpReceiverReport.TryParse(packet, out var receiverReport, out _))
            {
                found |= TryFindIn(receiverReport, ssrc, ref block);
            }
        }

        return found;
    }

    private static bool TryFindIn(RtcpSenderReport report, uint ssrc, ref RtcpReportBlock block)
    {
        bool found = false;
        for (int i = 0; i < report.ReportCount; i++)
        {
            var candidate = report.GetReportBlock(i);
            if (candidate.Ssrc == ssrc)
            {
                block = candidate;
                found = true;
            }
        }

        return found;
    }

    private static bool TryFindIn(RtcpReceiverReport report, uint ssrc, ref RtcpReportBlock block)
    {
        bool found = false;
        for (int i = 0; i < report.ReportCount; i++)
        {
            var candidate = report.GetReportBlock(i);
            if (candidate.Ssrc == ssrc)
            {
                block = candidate;
                found = true;
            }
        }

        return found;
    }
}
