using System.Text;
using CallCenter.Media.Rtcp;

namespace CallCenter.Media.Tests.Rtcp;

public class RtcpCompoundWriterTests
{
    [Fact]
    public void Writes_the_sender_report_vector_byte_for_byte()
    {
        var buffer = new byte[256];
        var writer = new RtcpCompoundWriter(buffer);
        RtcpReportBlock[] blocks = [new(0xAABBCCDD, 0x40, -2, 0x00010005, 16, 0x12345678, 0x00010000)];
        Assert.True(writer.TryWriteSenderReport(0x11223344, new RtcpSenderInfo(0xE8000000_80000000, 8000, 100, 16000), blocks));
        Assert.Equal(RtcpVectors.SenderReport, writer.WrittenBytes.ToArray());
    }

    [Fact]
    public void Writes_the_sdes_and_bye_vectors_byte_for_byte()
    {
        var buffer = new byte[256];
        var writer = new RtcpCompoundWriter(buffer);
        Assert.True(writer.TryWriteCanonicalName(0x11223344, "alice"u8));
        Assert.True(writer.TryWriteGoodbye([0x11223344], "bye"u8));
        Assert.Equal(RtcpVectors.Concat(RtcpVectors.SdesCname, RtcpVectors.ByeWithReason), writer.WrittenBytes.ToArray());
    }

    [Fact]
    public void Writes_an_empty_receiver_report_and_a_bye_without_reason()
    {
        var buffer = new byte[64];
        var writer = new RtcpCompoundWriter(buffer);
        Assert.True(writer.TryWriteReceiverReport(0x55667788, []));
        Assert.True(writer.TryWriteGoodbye([0x11223344, 0x55667788], []));
        Assert.Equal(RtcpVectors.Concat(RtcpVectors.EmptyReceiverReport, RtcpVectors.ByeTwoSources), writer.WrittenBytes.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(255)]
    public void Cname_of_any_length_is_padded_to_a_word_and_parses_back(int length)
    {
        var cname = Encoding.ASCII.GetBytes(new string('c', length));
        var buffer = new byte[512];
        var writer = new RtcpCompoundWriter(buffer);
        Assert.True(writer.TryWriteReceiverReport(7, []));
        Assert.True(writer.TryWriteCanonicalName(7, cname));
        Assert.Equal(0, writer.Length % 4);

        Assert.True(RtcpCompoundPacket.TryParse(writer.WrittenBytes, out var compound, out _));
        int packets = 0;
        foreach (var packet in compound)
        {
            packets++;
            if (RtcpSourceDescription.TryParse(packet, out var sdes, out _))
            {
                Assert.True(sdes.TryGetItem(7, SdesItemType.CanonicalName, out var parsed));
                Assert.Equal(cname, parsed.ToArray());
            }
        }

        Assert.Equal(2, packets);
    }

    [Fact]
    public void A_full_compound_round_trips_through_the_parser()
    {
        var random = new Random(6);
        var blocks = Enumerable.Range(0, RtcpCompoundWriter.MaxReportBlocks)
            .Select(i => new RtcpReportBlock((uint)i, (byte)i, (i * 1000) - 15000, (uint)random.Next(), (uint)random.Next(), (uint)random.Next(), (uint)random.Next()))
            .ToArray();
        var info = new RtcpSenderInfo(0x0123456789ABCDEF, 1, 2, 3);
        var buffer = new byte[1500];
        var writer = new RtcpCompoundWriter(buffer);
        Assert.True(writer.TryWriteSenderReport(99, info, blocks));
        Assert.True(writer.TryWriteReceiverReport(99, blocks.AsSpan(0, 3)));
        Assert.True(writer.TryWriteCanonicalName(99, "agent-1001@callcenter"u8));
        Assert.True(writer.TryWriteGoodbye([99], "hangup"u8));

        var written = writer.WrittenBytes.ToArray();
        Assert.True(RtcpCompoundPacket.TryParse(written, out var compound, out _));
        var enumerator = compound.GetEnumerator();
        Assert.True(enumerator.MoveNext());
        Assert.True(RtcpSenderReport.TryParse(enumerator.Current, out var sr, out _));
        Assert.Equal(99u, sr.Ssrc);
        Assert.Equal(info, sr.SenderInfo);
        Assert.Equal(blocks, Enumerable.Range(0, sr.ReportCount).Select(i => BlockAt(written, i)).ToArray());
        Assert.True(enumerator.MoveNext());
        Assert.True(RtcpReceiverReport.TryParse(enumerator.Current, out var rr, out _));
        Assert.Equal(blocks[2], rr.GetReportBlock(2));
        Assert.True(enumerator.MoveNext());
        Assert.True(RtcpSourceDescription.TryParse(enumerator.Current, out _, out _));
        Assert.True(enumerator.MoveNext());
        Assert.True(RtcpGoodbye.TryParse(enumerator.Current, out var bye, out _));
        Assert.Equal("hangup", Encoding.ASCII.GetString(bye.Reason));
        Assert.False(enumerator.MoveNext());
    }

    [Fact]
    public void Cumulative_loss_outside_24_bits_is_clamped_when_written()
    {
        var buffer = new byte[64];
        var writer = new RtcpCompoundWriter(buffer);
        Assert.True(writer.TryWriteReceiverReport(1, [new RtcpReportBlock(2, 0, int.MaxValue, 0, 0, 0, 0), new RtcpReportBlock(3, 0, int.MinValue, 0, 0, 0, 0)]));
        var packet = RtcpReportTests.Single(writer.WrittenBytes.ToArray());
        Assert.True(RtcpReceiverReport.TryParse(packet, out var report, out _));
        Assert.Equal(RtcpReportBlock.MaxCumulativeLost, report.GetReportBlock(0).CumulativeLost);
        Assert.Equal(RtcpReportBlock.MinCumulativeLost, report.GetReportBlock(1).CumulativeLost);
    }

    [Fact]
    public void A_packet_that_does_not_fit_is_not_written_and_leaves_the_rest_intact()
    {
        var buffer = new byte[24];
        var writer = new RtcpCompoundWriter(buffer);
        Assert.True(writer.TryWriteReceiverReport(1, []));
        Assert.False(writer.TryWriteCanonicalName(1, "a-rather-long-cname"u8));
        Assert.Equal(8, writer.Length);
        Assert.True(writer.TryWriteCanonicalName(1, "short"u8));
        Assert.Equal(24, writer.Length);
        Assert.False(writer.TryWriteGoodbye([1], []));
        Assert.False(writer.TryWriteSenderReport(1, default, []));
    }

    [Fact]
    public void Programming_errors_throw()
    {
        var buffer = new byte[2048];
        var tooMany = new RtcpReportBlock[32];
        Assert.Throws<ArgumentException>(() => new RtcpCompoundWriter(buffer).TryWriteReceiverReport(1, tooMany));
        Assert.Throws<ArgumentException>(() => new RtcpCompoundWriter(buffer).TryWriteSenderReport(1, default, tooMany));
        Assert.Throws<ArgumentException>(() => new RtcpCompoundWriter(buffer).TryWriteCanonicalName(1, []));
        Assert.Throws<ArgumentException>(() => new RtcpCompoundWriter(buffer).TryWriteCanonicalName(1, new byte[256]));
        Assert.Throws<ArgumentException>(() => new RtcpCompoundWriter(buffer).TryWriteGoodbye([], []));
        Assert.Throws<ArgumentException>(() => new RtcpCompoundWriter(buffer).TryWriteGoodbye([1], new byte[256]));
    }

    [Fact]
    public void Writing_does_not_allocate()
    {
        var buffer = new byte[1500];
        var blocks = new RtcpReportBlock[3];
        var info = new RtcpSenderInfo(1, 2, 3, 4);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            var writer = new RtcpCompoundWriter(buffer);
            writer.TryWriteSenderReport(1, info, blocks);
            writer.TryWriteCanonicalName(1, "cname"u8);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static RtcpReportBlock BlockAt(byte[] compound, int index)
    {
        var packet = RtcpReportTests.Single(compound.AsSpan(0, 4 * (1 + ((compound[2] << 8) | compound[3]))).ToArray());
        Assert.True(RtcpSenderReport.TryParse(packet, out var report, out _));
        return report.GetReportBlock(index);
    }
}
