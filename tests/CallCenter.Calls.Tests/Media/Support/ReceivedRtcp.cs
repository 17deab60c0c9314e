using System.Text;
using CallCenter.Media.Rtcp;

namespace CallCenter.Calls.Tests.Media.Support;

/// <summary>One compound RTCP packet the leg sent, read into plain values with the library's parsers.</summary>
internal sealed record ReceivedRtcp(
    IReadOnlyList<byte> PacketTypes,
    uint Ssrc,
    RtcpSenderInfo? SenderInfo,
    IReadOnlyList<RtcpReportBlock> Blocks,
    string? CanonicalName,
    IReadOnlyList<uint> Goodbyes)
{
    public bool IsSenderReport => SenderInfo is not null;

    /// <summary>Parses <paramref name="datagram"/>, failing the test unless it is a valid compound starting with an SR or RR (RFC 3550 §6.1).</summary>
    public static ReceivedRtcp Parse(byte[] datagram)
    {
        Assert.True(RtcpCompoundPacket.TryParse(datagram, out var compound, out var error), $"not a compound RTCP packet: {error}");
        var types = new List<byte>();
        var blocks = new List<RtcpReportBlock>();
        var goodbyes = new List<uint>();
        uint ssrc = 0;
        RtcpSenderInfo? info = null;
        string? cname = null;
        foreach (var packet in compound)
        {
            types.Add(packet.PacketType);
            if (RtcpSenderReport.TryParse(packet, out var sr, out _))
            {
                (ssrc, info) = (sr.Ssrc, sr.SenderInfo);
                for (int i = 0; i < sr.ReportCount; i++)
                {
                    blocks.Add(sr.GetReportBlock(i));
                }
            }
            else if (RtcpReceiverReport.TryParse(packet, out var rr, out _))
            {
                ssrc = rr.Ssrc;
                for (int i = 0; i < rr.ReportCount; i++)
                {
                    blocks.Add(rr.GetReportBlock(i));
                }
            }
            else if (RtcpSourceDescription.TryParse(packet, out var sdes, out _) && sdes.TryGetItem(ssrc, SdesItemType.CanonicalName, out var name))
            {
                cname = Encoding.UTF8.GetString(name);
            }
            else if (RtcpGoodbye.TryParse(packet, out var bye, out _))
            {
                for (int i = 0; i < bye.SourceCount; i++)
                {
                    goodbyes.Add(bye.GetSource(i));
                }
            }
        }

        return new ReceivedRtcp(types, ssrc, info, blocks, cname, goodbyes);
    }
}
