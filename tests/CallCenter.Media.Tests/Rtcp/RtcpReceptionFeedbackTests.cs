using CallCenter.Media.Rtcp;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CallCenter.Media.Tests.Rtcp;

/// <summary>Finding what the peer reports about our stream in its SRs and RRs (RFC 3550 §6.4).</summary>
public class RtcpReceptionFeedbackTests
{
    [Fact]
    public void The_block_about_our_source_is_found_in_a_sender_report()
    {
        Assert.True(TryFind(RtcpVectors.Concat(RtcpVectors.SenderReport, RtcpVectors.SdesCname), 0xAABBCCDD, out var block));
        Assert.Equal(new RtcpReportBlock(0xAABBCCDD, 0x40, -2, 0x00010005, 16, 0x12345678, 0x00010000), block);
    }

    [Fact]
    public void The_block_about_our_source_is_found_among_several_in_a_receiver_report()
    {
        Assert.True(TryFind(RtcpVectors.ReceiverReportTwoBlocks, 2, out var block));
        Assert.Equal(0x1A, block.FractionLost);
        Assert.Equal(7, block.CumulativeLost);
        Assert.Equal(256u, block.Jitter);
    }

    [Fact]
    public void Blocks_about_other_sources_and_other_packet_types_are_ignored()
    {
        var compound = RtcpVectors.Concat(
            RtcpVectors.EmptyReceiverReport, RtcpVectors.SdesTwoChunks, RtcpVectors.App, RtcpVectors.Feedback, RtcpVectors.ByeWithReason);

        Assert.False(TryFind(compound, 0x11223344, out _));
        Assert.False(TryFind(RtcpVectors.ReceiverReportTwoBlocks, 3, out _));
    }

    [Fact]
    public void A_report_whose_blocks_run_past_its_end_is_skipped()
    {
        // RC claims 3 blocks in a packet that holds 2: the RR does not parse, so nothing is found in it.
        var bytes = RtcpVectors.ReceiverReportTwoBlocks.ToArray();
        bytes[0] = 0x83;
        Assert.False(TryFind(bytes, 2, out _));
    }

    [Property(MaxTest = 3000)]
    public Property Any_datagram_that_parses_as_rtcp_is_searched_without_throwing() =>
        Prop.ForAll<byte[], uint>((bytes, ssrc) =>
        {
            bytes ??= [];
            if (bytes.Length >= 8)
            {
                // An SR or RR header whose length matches the datagram, so the search goes into the blocks.
                bytes[0] = (byte)(0x80 | (bytes[0] & 0x1F));
                bytes[1] = (byte)(200 + (bytes[1] & 1));
                int words = (bytes.Length / 4) - 1;
                bytes[2] = (byte)(words >> 8);
                bytes[3] = (byte)words;
                bytes = bytes[..((words + 1) * 4)];
            }

            TryFind(bytes, ssrc, out _);
        });

    private static bool TryFind(byte[] datagram, uint ssrc, out RtcpReportBlock block)
    {
        block = default;
        return RtcpCompoundPacket.TryParse(datagram, out var compound, out _, allowReducedSize: true)
            && RtcpReceptionFeedback.TryFind(compound, ssrc, out block);
    }
}
