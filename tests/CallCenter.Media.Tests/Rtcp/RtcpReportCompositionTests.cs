using System.Text;
using CallCenter.Media.Rtcp;
using CallCenter.Media.Rtp;
using CallCenter.Media.Tests.Rtp.Support;

namespace CallCenter.Media.Tests.Rtcp;

/// <summary>The compound packet a leg sends (RFC 3550 §6.1, §6.4, §6.5.1, §6.6), built from known statistics.</summary>
public class RtcpReportCompositionTests
{
    private const uint Us = 0x11223344;
    private const uint Peer = 0xAABBCCDD;
    private static readonly byte[] Cname = "callcenter@192.0.2.1"u8.ToArray();

    [Fact]
    public void A_sender_report_with_one_block_and_a_cname_matches_the_wire_format()
    {
        var info = new RtcpSenderInfo(0xE8000000_80000000, 8000, 100, 16000);
        var block = new RtcpReportBlock(Peer, 0x40, 5, 0x00010005, 16, 0x12345678, 0x00010000);
        var buffer = new byte[RtcpReport.MaxLength];

        Assert.True(new RtcpReport(Us, info, block, Goodbye: false).TryWrite(buffer, "alice"u8, out int written));

        var expected = Hex.Bytes(
            "81 C8 00 0C 11 22 33 44 E8 00 00 00 80 00 00 00 00 00 1F 40 00 00 00 64 00 00 3E 80 "
            + "AA BB CC DD 40 00 00 05 00 01 00 05 00 00 00 10 12 34 56 78 00 01 00 00 "
            + "81 CA 00 03 11 22 33 44 01 05 61 6C 69 63 65 00");
        Assert.Equal(expected, buffer[..written]);
    }

    [Fact]
    public void Fraction_and_cumulative_loss_come_from_the_receive_statistics()
    {
        // Sequence 1000..1019 with 1005, 1010, 1011 and 1017 missing. 1000 is the source's probation packet (A.1), so
        // counting starts at 1001: 19 expected, 15 received, 4 lost.
        var statistics = new RtpReceiveStatistics(Peer);
        for (ushort sequence = 1000; sequence < 1020; sequence++)
        {
            if (sequence is not (1005 or 1010 or 1011 or 1017))
            {
                statistics.Update(sequence, sequence * 160u, sequence * 160u);
            }
        }

        var block = statistics.CreateReportBlock(lastSenderReport: 0x56789ABC, delaySinceLastSenderReport: 0x00018000);
        var compound = Written(new RtcpReport(Us, null, block, Goodbye: false));

        var read = ReportBlockOf(compound, out bool isSenderReport);
        Assert.False(isSenderReport);
        Assert.Equal(Peer, read.Ssrc);
        Assert.Equal(4 * 256 / 19, read.FractionLost);
        Assert.Equal(4, read.CumulativeLost);
        Assert.Equal(1019u, read.ExtendedHighestSequence);
        Assert.Equal(0u, read.Jitter);
        Assert.Equal(0x56789ABCu, read.LastSenderReport);
        Assert.Equal(0x00018000u, read.DelaySinceLastSenderReport);
    }

    [Fact]
    public void A_receiver_that_heard_nothing_sends_an_empty_rr_and_its_cname()
    {
        var compound = Written(new RtcpReport(Us, null, null, Goodbye: false));

        Assert.True(RtcpCompoundPacket.TryParse(compound, out var parsed, out _));
        var types = new List<byte>();
        foreach (var packet in parsed)
        {
            types.Add(packet.PacketType);
            if (RtcpReceiverReport.TryParse(packet, out var rr, out _))
            {
                Assert.Equal(Us, rr.Ssrc);
                Assert.Equal(0, rr.ReportCount);
            }

            if (RtcpSourceDescription.TryParse(packet, out var sdes, out _))
            {
                Assert.True(sdes.TryGetItem(Us, SdesItemType.CanonicalName, out var cname));
                Assert.Equal("callcenter@192.0.2.1", Encoding.UTF8.GetString(cname));
            }
        }

        Assert.Equal([(byte)RtcpPacketType.ReceiverReport, (byte)RtcpPacketType.SourceDescription], types);
    }

    [Fact]
    public void A_leaving_participant_ends_the_compound_with_a_bye_for_its_ssrc()
    {
        var info = new RtcpSenderInfo(1, 2, 3, 4);
        var compound = Written(new RtcpReport(Us, info, null, Goodbye: true));

        Assert.True(RtcpCompoundPacket.TryParse(compound, out var parsed, out _));
        var types = new List<byte>();
        foreach (var packet in parsed)
        {
            types.Add(packet.PacketType);
            if (RtcpGoodbye.TryParse(packet, out var bye, out _))
            {
                Assert.Equal(1, bye.SourceCount);
                Assert.Equal(Us, bye.GetSource(0));
            }
        }

        Assert.Equal([(byte)RtcpPacketType.SenderReport, (byte)RtcpPacketType.SourceDescription, (byte)RtcpPacketType.Goodbye], types);
    }

    [Fact]
    public void The_largest_report_fits_max_length_and_a_smaller_buffer_is_refused()
    {
        var longest = new byte[255];
        Array.Fill(longest, (byte)'x');
        var report = new RtcpReport(Us, new RtcpSenderInfo(1, 2, 3, 4), new RtcpReportBlock(Peer, 0, 0, 0, 0, 0, 0), Goodbye: true);
        var buffer = new byte[RtcpReport.MaxLength];

        Assert.True(report.TryWrite(buffer, longest, out int written));
        Assert.Equal(RtcpReport.MaxLength, written);
        Assert.False(report.TryWrite(buffer.AsSpan(0, written - 1), longest, out int none));
        Assert.Equal(0, none);
    }

    private static byte[] Written(RtcpReport report)
    {
        var buffer = new byte[RtcpReport.MaxLength];
        Assert.True(report.TryWrite(buffer, Cname, out int written));
        return buffer[..written];
    }

    private static RtcpReportBlock ReportBlockOf(byte[] compound, out bool isSenderReport)
    {
        Assert.True(RtcpCompoundPacket.TryParse(compound, out var parsed, out _));
        foreach (var packet in parsed)
        {
            if (RtcpSenderReport.TryParse(packet, out var sr, out _))
            {
                isSenderReport = true;
                return sr.GetReportBlock(0);
            }

            if (RtcpReceiverReport.TryParse(packet, out var rr, out _))
            {
                isSenderReport = false;
                return rr.GetReportBlock(0);
            }
        }

        throw new Xunit.Sdk.XunitException("no SR or RR");
    }
}
