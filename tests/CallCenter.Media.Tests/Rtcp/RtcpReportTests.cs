using CallCenter.Media.Rtcp;

namespace CallCenter.Media.Tests.Rtcp;

public class RtcpReportTests
{
    [Fact]
    public void Sender_report_fields_and_block_are_read()
    {
        var packet = Single(RtcpVectors.SenderReport);
        Assert.True(RtcpSenderReport.TryParse(packet, out var report, out var error));
        Assert.Equal(RtcpParseError.None, error);
        Assert.Equal(0x11223344u, report.Ssrc);
        Assert.Equal(new RtcpSenderInfo(0xE8000000_80000000, 8000, 100, 16000), report.SenderInfo);
        Assert.Equal(1, report.ReportCount);
        Assert.Equal(new RtcpReportBlock(0xAABBCCDD, 0x40, -2, 0x00010005, 16, 0x12345678, 0x00010000), report.GetReportBlock(0));
        Assert.True(report.ProfileExtension.IsEmpty);
    }

    [Fact]
    public void Receiver_report_blocks_are_read()
    {
        var packet = Single(RtcpVectors.ReceiverReportTwoBlocks);
        Assert.True(RtcpReceiverReport.TryParse(packet, out var report, out _));
        Assert.Equal(0x55667788u, report.Ssrc);
        Assert.Equal(2, report.ReportCount);
        Assert.Equal(new RtcpReportBlock(1, 0, 0, 10, 0, 0, 0), report.GetReportBlock(0));
        Assert.Equal(new RtcpReportBlock(2, 0x1A, 7, 0x0002FFFF, 256, 0xABCDEF01, 0x8000), report.GetReportBlock(1));
    }

    [Fact]
    public void An_rr_without_blocks_is_valid()
    {
        var packet = Single(RtcpVectors.EmptyReceiverReport);
        Assert.True(RtcpReceiverReport.TryParse(packet, out var report, out _));
        Assert.Equal(0, report.ReportCount);
    }

    [Fact]
    public void Report_blocks_beyond_the_packet_are_refused()
    {
        // RC says 2 but only one block follows.
        var bytes = RtcpVectors.SenderReport.ToArray();
        bytes[0] = 0x82;
        var packet = Single(bytes);
        Assert.False(RtcpSenderReport.TryParse(packet, out _, out var error));
        Assert.Equal(RtcpParseError.ReportBlocksTruncated, error);

        var rr = RtcpVectors.EmptyReceiverReport.ToArray();
        rr[0] = 0x81;
        Assert.False(RtcpReceiverReport.TryParse(Single(rr), out _, out error));
        Assert.Equal(RtcpParseError.ReportBlocksTruncated, error);
    }

    [Fact]
    public void A_sender_report_shorter_than_its_sender_info_is_refused()
    {
        var bytes = new byte[] { 0x80, 0xC8, 0x00, 0x02, 0, 0, 0, 1, 0, 0, 0, 2 };
        Assert.False(RtcpSenderReport.TryParse(Single(bytes), out _, out var error));
        Assert.Equal(RtcpParseError.TooShort, error);
    }

    [Fact]
    public void Reading_a_packet_as_the_wrong_type_is_refused()
    {
        var packet = Single(RtcpVectors.EmptyReceiverReport);
        Assert.False(RtcpSenderReport.TryParse(packet, out _, out var error));
        Assert.Equal(RtcpParseError.WrongPacketType, error);
        Assert.False(RtcpSourceDescription.TryParse(packet, out _, out error));
        Assert.Equal(RtcpParseError.WrongPacketType, error);
        Assert.False(RtcpGoodbye.TryParse(packet, out _, out error));
        Assert.Equal(RtcpParseError.WrongPacketType, error);
        Assert.False(RtcpReceiverReport.TryParse(Single(RtcpVectors.SenderReport), out _, out error));
        Assert.Equal(RtcpParseError.WrongPacketType, error);
    }

    [Fact]
    public void Profile_extension_after_the_blocks_is_exposed()
    {
        var bytes = RtcpVectors.EmptyReceiverReport.Concat(new byte[] { 0xDE, 0xAD, 0xBE, 0xEF }).ToArray();
        bytes[3] = 0x02;
        Assert.True(RtcpReceiverReport.TryParse(Single(bytes), out var report, out _));
        Assert.Equal(new byte[] { 0xDE, 0xAD, 0xBE, 0xEF }, report.ProfileExtension.ToArray());
    }

    [Fact]
    public void Block_index_outside_the_report_throws()
    {
        var packet = Single(RtcpVectors.SenderReport);
        Assert.True(RtcpSenderReport.TryParse(packet, out var report, out _));
        try
        {
            report.GetReportBlock(1);
            Assert.Fail("expected an exception");
        }
        catch (ArgumentOutOfRangeException)
        {
        }
    }

    /// <summary>Parses a datagram that holds exactly one packet and returns it (allowing any first type).</summary>
    internal static RtcpPacket Single(byte[] datagram)
    {
        Assert.True(RtcpCompoundPacket.TryParse(datagram, out var compound, out var error, allowReducedSize: true), error.ToString());
        var enumerator = compound.GetEnumerator();
        Assert.True(enumerator.MoveNext());
        var single = enumerator.Current;
        Assert.False(enumerator.MoveNext());
        return single;
    }
}
