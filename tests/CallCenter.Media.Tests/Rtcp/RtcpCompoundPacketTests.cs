using CallCenter.Media.Rtcp;
using CallCenter.Media.Tests.Rtp.Support;

namespace CallCenter.Media.Tests.Rtcp;

public class RtcpCompoundPacketTests
{
    [Fact]
    public void A_compound_of_every_type_is_enumerated_in_order()
    {
        var datagram = RtcpVectors.Concat(
            RtcpVectors.SenderReport, RtcpVectors.SdesCname, RtcpVectors.App, RtcpVectors.Feedback, RtcpVectors.ByeWithReason);
        Assert.True(RtcpCompoundPacket.TryParse(datagram, out var compound, out var error));
        Assert.Equal(RtcpParseError.None, error);

        var types = new List<byte>();
        var lengths = new List<int>();
        foreach (var packet in compound)
        {
            types.Add(packet.PacketType);
            lengths.Add(packet.Bytes.Length);
        }

        Assert.Equal(new byte[] { 200, 202, 204, 205, 203 }, types);
        Assert.Equal(new[] { 52, 16, 12, 12, 12 }, lengths);
    }

    [Fact]
    public void Padding_on_the_last_packet_is_excluded_from_its_body()
    {
        var datagram = RtcpVectors.Concat(RtcpVectors.SenderReport, RtcpVectors.PaddedReceiverReport);
        Assert.True(RtcpCompoundPacket.TryParse(datagram, out var compound, out _));
        int index = 0;
        foreach (var packet in compound)
        {
            if (index++ == 1)
            {
                Assert.True(packet.HasPadding);
                Assert.Equal(4, packet.Body.Length);
                Assert.Equal(12, packet.Bytes.Length);
            }
        }

        Assert.Equal(2, index);
    }

    [Theory]
    [InlineData("", RtcpParseError.TooShort)]
    [InlineData("80 C9 00", RtcpParseError.TooShort)]
    [InlineData("40 C9 00 01 55 66 77 88", RtcpParseError.UnsupportedVersion)]
    [InlineData("80 C9 00 02 55 66 77 88", RtcpParseError.LengthBeyondPacket)]
    [InlineData("80 C9 00 01 55 66 77 88 00", RtcpParseError.TooShort)]
    [InlineData("80 C9 00 01 55 66 77 88 80 CA 00 05 00 00 00 00", RtcpParseError.LengthBeyondPacket)]
    [InlineData("80 C9 00 01 55 66 77 88 40 CA 00 00", RtcpParseError.UnsupportedVersion)]
    [InlineData("81 CA 00 03 11 22 33 44 01 05 61 6C 69 63 65 00", RtcpParseError.FirstPacketNotReport)]
    [InlineData("A0 C9 00 02 55 66 77 88 00 00 00 04 80 C9 00 01 55 66 77 88", RtcpParseError.PaddingNotLast)]
    [InlineData("A0 C9 00 02 55 66 77 88 00 00 00 00", RtcpParseError.InvalidPadding)]
    [InlineData("A0 C9 00 02 55 66 77 88 00 00 00 0D", RtcpParseError.InvalidPadding)]
    public void Malformed_compounds_are_refused_with_the_reason(string hex, RtcpParseError expected)
    {
        Assert.False(RtcpCompoundPacket.TryParse(Hex.Bytes(hex), out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Reduced_size_rtcp_may_start_with_another_type_when_allowed()
    {
        Assert.False(RtcpCompoundPacket.TryParse(RtcpVectors.Feedback, out _, out var error));
        Assert.Equal(RtcpParseError.FirstPacketNotReport, error);
        Assert.True(RtcpCompoundPacket.TryParse(RtcpVectors.Feedback, out _, out _, allowReducedSize: true));
    }

    [Fact]
    public void A_packet_whose_length_field_is_zero_words_is_a_bare_header()
    {
        // Length 0 means one word: just the header. An RR that short is valid framing but not a valid RR.
        var datagram = Hex.Bytes("80 C9 00 00");
        Assert.True(RtcpCompoundPacket.TryParse(datagram, out var compound, out _));
        foreach (var packet in compound)
        {
            Assert.True(packet.Body.IsEmpty);
            Assert.False(RtcpReceiverReport.TryParse(packet, out _, out var error));
            Assert.Equal(RtcpParseError.TooShort, error);
        }
    }

    [Fact]
    public void Parsing_and_enumerating_does_not_allocate()
    {
        var datagram = RtcpVectors.Concat(RtcpVectors.SenderReport, RtcpVectors.SdesCname, RtcpVectors.ByeWithReason);
        long checksum = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            RtcpCompoundPacket.TryParse(datagram, out var compound, out _);
            foreach (var packet in compound)
            {
                if (RtcpSenderReport.TryParse(packet, out var report, out _))
                {
                    checksum += report.GetReportBlock(0).Jitter + report.SenderInfo.PacketCount;
                }
                else if (RtcpSourceDescription.TryParse(packet, out var sdes, out _)
                    && sdes.TryGetItem(0x11223344, SdesItemType.CanonicalName, out var cname))
                {
                    checksum += cname.Length;
                }
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1000 * (16 + 100 + 5), checksum);
    }
}
