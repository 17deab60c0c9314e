using CallCenter.Media.Rtp;
using CallCenter.Media.Tests.Rtp.Support;

namespace CallCenter.Media.Tests.Rtp;

public class RtpPacketWriterTests
{
    [Fact]
    public void Writes_the_minimal_vector_byte_for_byte()
    {
        var buffer = new byte[64];
        var header = new RtpHeader(PayloadType: 0, SequenceNumber: 0x1234, Timestamp: 8000, Ssrc: 0xDEADBEEF);
        Assert.True(RtpPacketWriter.TryWrite(buffer, header, [0xFF, 0xFE, 0x7F, 0x00], out int written));
        Assert.Equal(Hex.Bytes("80 00 12 34 00 00 1F 40 DE AD BE EF FF FE 7F 00"), buffer[..written]);
    }

    [Fact]
    public void Writes_csrcs_extension_and_padding_byte_for_byte()
    {
        var buffer = new byte[64];
        var header = new RtpHeader(8, 0xFFFF, 0xFFFFFF00, 0x11223344, Marker: true);
        Assert.True(RtpPacketWriter.TryWrite(
            buffer,
            header,
            [0xAAAAAAAA, 0xBBBBBBBB],
            new RtpHeaderExtension(0xBEDE, [0x10, 0x01, 0x02, 0x03]),
            [0x01, 0x02, 0x03],
            paddingLength: 3,
            out int written));
        Assert.Equal(
            Hex.Bytes("B2 88 FF FF FF FF FF 00 11 22 33 44 AA AA AA AA BB BB BB BB BE DE 00 01 10 01 02 03 01 02 03 00 00 03"),
            buffer[..written]);
    }

    [Fact]
    public void Written_packets_parse_back_to_the_same_fields()
    {
        var random = new Random(3550);
        var buffer = new byte[2048];
        for (int i = 0; i < 500; i++)
        {
            var header = new RtpHeader((byte)random.Next(128), (ushort)random.Next(65536), (uint)random.NextInt64(1L << 32), (uint)random.NextInt64(1L << 32), random.Next(2) == 1);
            var csrcs = Enumerable.Range(0, random.Next(16)).Select(_ => (uint)random.NextInt64(1L << 32)).ToArray();
            var extensionData = new byte[4 * random.Next(4)];
            random.NextBytes(extensionData);
            bool withExtension = random.Next(2) == 1;
            var payload = new byte[random.Next(400)];
            random.NextBytes(payload);
            int padding = random.Next(2) == 1 ? random.Next(1, 256) : 0;
            var extension = withExtension ? new RtpHeaderExtension((ushort)random.Next(65536), extensionData) : default;

            Assert.True(RtpPacketWriter.TryWrite(buffer, header, csrcs, extension, payload, padding, out int written));
            Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, written), out var packet));
            Assert.Equal(header.PayloadType, packet.PayloadType);
            Assert.Equal(header.SequenceNumber, packet.SequenceNumber);
            Assert.Equal(header.Timestamp, packet.Timestamp);
            Assert.Equal(header.Ssrc, packet.Ssrc);
            Assert.Equal(header.Marker, packet.Marker);
            var parsedCsrcs = new uint[packet.CsrcCount];
            for (int c = 0; c < parsedCsrcs.Length; c++)
            {
                parsedCsrcs[c] = packet.GetCsrc(c);
            }

            Assert.Equal(csrcs, parsedCsrcs);
            Assert.Equal(withExtension, packet.HasExtension);
            Assert.Equal(withExtension ? extensionData : [], packet.ExtensionData.ToArray());
            Assert.Equal(payload, packet.Payload.ToArray());
            Assert.Equal(padding, packet.PaddingLength);
        }
    }

    [Fact]
    public void Too_small_a_destination_gives_false()
    {
        var header = new RtpHeader(0, 1, 2, 3);
        Assert.False(RtpPacketWriter.TryWrite(new byte[15], header, new byte[4], out int written));
        Assert.Equal(0, written);
        Assert.True(RtpPacketWriter.TryWrite(new byte[16], header, new byte[4], out written));
        Assert.Equal(16, written);
    }

    [Fact]
    public void Header_only_write_matches_the_full_writer()
    {
        var header = new RtpHeader(18, 7, 99, 0xCAFEBABE, Marker: true);
        var headerOnly = new byte[12];
        Assert.Equal(12, RtpPacketWriter.WriteHeader(headerOnly, header));
        var full = new byte[12];
        Assert.True(RtpPacketWriter.TryWrite(full, header, [], out _));
        Assert.Equal(full, headerOnly);
    }

    [Fact]
    public void Programming_errors_throw()
    {
        var buffer = new byte[512];
        Assert.Throws<ArgumentException>(() => RtpPacketWriter.TryWrite(buffer, new RtpHeader(128, 0, 0, 0), [], out _));
        Assert.Throws<ArgumentException>(() => RtpPacketWriter.TryWrite(buffer, new RtpHeader(0, 0, 0, 0), new uint[16], default, [], 0, out _));
        Assert.Throws<ArgumentException>(() => RtpPacketWriter.TryWrite(buffer, new RtpHeader(0, 0, 0, 0), [], default, [], 256, out _));
        Assert.Throws<ArgumentException>(() => _ = new RtpHeaderExtension(1, new byte[3]).Length);
        Assert.Throws<ArgumentException>(() => RtpPacketWriter.WriteHeader(new byte[11], new RtpHeader(0, 0, 0, 0)));
    }

    [Fact]
    public void Writing_does_not_allocate()
    {
        var buffer = new byte[256];
        var payload = new byte[160];
        uint[] csrcs = [1, 2];
        var extensionData = new byte[8];
        RtpPacketWriter.TryWrite(buffer, new RtpHeader(0, 0, 0, 0), payload, out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            var header = new RtpHeader(0, (ushort)i, (uint)(i * 160), 42);
            RtpPacketWriter.TryWrite(buffer, header, payload, out _);
            RtpPacketWriter.TryWrite(buffer, header, csrcs, new RtpHeaderExtension(1, extensionData), payload, 4, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
