using CallCenter.Media.Rtp;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CallCenter.Media.Tests.Rtp;

/// <summary>Whatever arrives on an RTP port, the parser answers true or false and never reads outside the datagram.</summary>
public class RtpPacketFuzzTests
{
    [Property(MaxTest = 5000)]
    public Property Random_bytes_never_throw() =>
        Prop.ForAll<byte[]>(bytes => ParsesConsistently(bytes ?? []));

    [Property(MaxTest = 5000)]
    public Property Random_bytes_with_version_2_never_throw() =>
        Prop.ForAll<byte[]>(bytes =>
        {
            bytes ??= [];
            if (bytes.Length > 0)
            {
                bytes[0] = (byte)((bytes[0] & 0x3F) | 0x80);
            }

            return ParsesConsistently(bytes);
        });

    [Fact]
    public void Seeded_mutations_of_a_valid_packet_never_throw()
    {
        var random = new Random(20240601);
        var buffer = new byte[512];
        var extension = new RtpHeaderExtension(0xBEDE, new byte[8]);
        RtpPacketWriter.TryWrite(buffer, new RtpHeader(8, 1, 2, 3), [7, 8, 9], extension, new byte[160], 5, out int length);
        var valid = buffer[..length];
        for (int i = 0; i < 200_000; i++)
        {
            var mutated = Mutate(valid, random);
            Assert.True(ParsesConsistently(mutated));
        }
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        var bytes = valid.ToArray();
        int edits = random.Next(1, 4);
        for (int e = 0; e < edits; e++)
        {
            switch (random.Next(3))
            {
                case 0:
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[random.Next(Math.Min(bytes.Length, 16))] = (byte)random.Next(256);
                    break;
                default:
                    bytes[^1] = (byte)random.Next(256);
                    break;
            }
        }

        return bytes[..random.Next(bytes.Length + 1)];
    }

    /// <summary>Parses and, on success, reads every field and checks that the parts tile the datagram.</summary>
    private static bool ParsesConsistently(byte[] bytes)
    {
        if (!RtpPacket.TryParse(bytes, out var packet, out var error))
        {
            return error != RtpParseError.None;
        }

        long sum = packet.PayloadType + packet.SequenceNumber + packet.Timestamp + packet.Ssrc + packet.ExtensionProfile;
        for (int i = 0; i < packet.CsrcCount; i++)
        {
            sum += packet.GetCsrc(i);
        }

        return error == RtpParseError.None
            && sum >= 0
            && packet.HeaderLength + packet.Payload.Length + packet.PaddingLength == bytes.Length
            && packet.HeaderLength >= RtpPacket.FixedHeaderLength + (4 * packet.CsrcCount) + packet.ExtensionData.Length;
    }
}
