using CallCenter.Media.Rtp;
using CallCenter.Media.Tests.Rtp.Support;

namespace CallCenter.Media.Tests.Rtp;

public class RtpPacketTests
{
    // V=2, no P/X, CC=0, M=0, PT=0 (PCMU), seq 0x1234, ts 8000, SSRC 0xDEADBEEF, 4 payload bytes.
    private static readonly byte[] Minimal = Hex.Bytes("80 00 12 34 00 00 1F 40 DE AD BE EF FF FE 7F 00");

    // V=2, P=1, X=1, CC=2, M=1, PT=8 (PCMA), seq 0xFFFF, ts 0xFFFFFF00, SSRC 0x11223344,
    // CSRCs 0xAAAAAAAA 0xBBBBBBBB, extension profile 0xBEDE with one word 10 01 02 03,
    // payload 01 02 03, padding 00 00 03.
    private static readonly byte[] Full = Hex.Bytes(
        "B2 88 FF FF FF FF FF 00 11 22 33 44 AA AA AA AA BB BB BB BB BE DE 00 01 10 01 02 03 01 02 03 00 00 03");

    [Fact]
    public void Minimal_packet_fields_are_read()
    {
        Assert.True(RtpPacket.TryParse(Minimal, out var packet, out var error));
        Assert.Equal(RtpParseError.None, error);
        Assert.False(packet.Marker);
        Assert.False(packet.HasPadding);
        Assert.False(packet.HasExtension);
        Assert.Equal(0, packet.CsrcCount);
        Assert.Equal(0, packet.PayloadType);
        Assert.Equal(0x1234, packet.SequenceNumber);
        Assert.Equal(8000u, packet.Timestamp);
        Assert.Equal(0xDEADBEEFu, packet.Ssrc);
        Assert.Equal(12, packet.HeaderLength);
        Assert.Equal(0, packet.PaddingLength);
        Assert.Equal(new byte[] { 0xFF, 0xFE, 0x7F, 0x00 }, packet.Payload.ToArray());
        Assert.True(packet.ExtensionData.IsEmpty);
        Assert.Equal(0, packet.ExtensionProfile);
    }

    [Fact]
    public void Packet_with_csrcs_extension_and_padding_is_read()
    {
        Assert.True(RtpPacket.TryParse(Full, out var packet));
        Assert.True(packet.Marker);
        Assert.True(packet.HasPadding);
        Assert.True(packet.HasExtension);
        Assert.Equal(8, packet.PayloadType);
        Assert.Equal(0xFFFF, packet.SequenceNumber);
        Assert.Equal(0xFFFFFF00u, packet.Timestamp);
        Assert.Equal(0x11223344u, packet.Ssrc);
        Assert.Equal(2, packet.CsrcCount);
        Assert.Equal(0xAAAAAAAAu, packet.GetCsrc(0));
        Assert.Equal(0xBBBBBBBBu, packet.GetCsrc(1));
        Assert.Equal(0xBEDE, packet.ExtensionProfile);
        Assert.Equal(new byte[] { 0x10, 0x01, 0x02, 0x03 }, packet.ExtensionData.ToArray());
        Assert.Equal(28, packet.HeaderLength);
        Assert.Equal(3, packet.PaddingLength);
        Assert.Equal(new byte[] { 0x01, 0x02, 0x03 }, packet.Payload.ToArray());
        Assert.Equal(Full.Length, packet.Bytes.Length);
    }

    [Fact]
    public void Header_only_packet_has_an_empty_payload()
    {
        Assert.True(RtpPacket.TryParse(Minimal.AsSpan(0, 12), out var packet));
        Assert.True(packet.Payload.IsEmpty);
    }

    [Fact]
    public void Padding_may_take_everything_after_the_header()
    {
        // P=1, 4 bytes after the header, all padding (count 4): legal, empty payload (RFC 3550 §5.1).
        var bytes = Hex.Bytes("A0 00 00 01 00 00 00 00 00 00 00 01 00 00 00 04");
        Assert.True(RtpPacket.TryParse(bytes, out var packet));
        Assert.True(packet.Payload.IsEmpty);
        Assert.Equal(4, packet.PaddingLength);
    }

    [Fact]
    public void Extension_of_zero_words_is_legal()
    {
        var bytes = Hex.Bytes("90 00 00 01 00 00 00 00 00 00 00 01 12 34 00 00 AB");
        Assert.True(RtpPacket.TryParse(bytes, out var packet));
        Assert.Equal(0x1234, packet.ExtensionProfile);
        Assert.True(packet.ExtensionData.IsEmpty);
        Assert.Equal(new byte[] { 0xAB }, packet.Payload.ToArray());
    }

    [Theory]
    [InlineData("", RtpParseError.TooShort)]
    [InlineData("80 00 00 01 00 00 00 00 00 00 00", RtpParseError.TooShort)]
    [InlineData("40 00 00 01 00 00 00 00 00 00 00 01", RtpParseError.UnsupportedVersion)]
    [InlineData("C0 00 00 01 00 00 00 00 00 00 00 01", RtpParseError.UnsupportedVersion)]
    [InlineData("00 00 00 01 00 00 00 00 00 00 00 01", RtpParseError.UnsupportedVersion)]
    [InlineData("81 00 00 01 00 00 00 00 00 00 00 01 AA AA AA", RtpParseError.CsrcListTruncated)]
    [InlineData("8F 00 00 01 00 00 00 00 00 00 00 01", RtpParseError.CsrcListTruncated)]
    [InlineData("90 00 00 01 00 00 00 00 00 00 00 01 BE DE 00", RtpParseError.ExtensionTruncated)]
    [InlineData("90 00 00 01 00 00 00 00 00 00 00 01 BE DE 00 02 00 00 00 00", RtpParseError.ExtensionTruncated)]
    [InlineData("90 00 00 01 00 00 00 00 00 00 00 01 BE DE FF FF", RtpParseError.ExtensionTruncated)]
    [InlineData("A0 00 00 01 00 00 00 00 00 00 00 01 AA 00", RtpParseError.InvalidPadding)]
    [InlineData("A0 00 00 01 00 00 00 00 00 00 00 01 AA 03", RtpParseError.PaddingExceedsPacket)]
    [InlineData("A0 00 00 01 00 00 00 00 00 00 00 0D", RtpParseError.PaddingExceedsPacket)]
    [InlineData("B0 00 00 01 00 00 00 00 00 00 00 01 BE DE 00 00 02", RtpParseError.PaddingExceedsPacket)]
    public void Malformed_packets_are_refused_with_the_reason(string hex, RtpParseError expected)
    {
        Assert.False(RtpPacket.TryParse(Hex.Bytes(hex), out var packet, out var error));
        Assert.Equal(expected, error);
        Assert.True(packet.Bytes.IsEmpty);
    }

    [Fact]
    public void Csrc_index_outside_the_list_throws()
    {
        Assert.True(RtpPacket.TryParse(Full, out var packet));
        try
        {
            packet.GetCsrc(2);
            Assert.Fail("expected an exception");
        }
        catch (ArgumentOutOfRangeException)
        {
        }
    }

    [Fact]
    public void Parsing_does_not_allocate()
    {
        long total = 0;
        RtpPacket.TryParse(Full, out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            if (RtpPacket.TryParse(Full, out var packet))
            {
                total += packet.Payload.Length + packet.GetCsrc(1) + packet.ExtensionData.Length;
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(total > 0);
    }
}
