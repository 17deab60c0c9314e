using CallCenter.Media.Rtcp;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CallCenter.Media.Tests.Rtcp;

/// <summary>Whatever arrives on an RTCP port, parsing and reading every part never throws or reads out of bounds.</summary>
public class RtcpFuzzTests
{
    [Property(MaxTest = 5000)]
    public Property Random_bytes_never_throw() =>
        Prop.ForAll<byte[]>(bytes =>
        {
            ReadsEverything(bytes ?? []);
        });

    [Property(MaxTest = 5000)]
    public Property Random_bytes_behind_a_valid_header_never_throw() =>
        Prop.ForAll<byte[]>(bytes =>
        {
            bytes ??= [];
            if (bytes.Length >= 4)
            {
                // Version 2, an RTCP type, and a length field that matches the datagram, so parsing goes deep.
                bytes[0] = (byte)((bytes[0] & 0x3F) | 0x80);
                bytes[1] = (byte)(200 + (bytes[1] % 8));
                int words = (bytes.Length / 4) - 1;
                bytes[2] = (byte)(words >> 8);
                bytes[3] = (byte)words;
                bytes = bytes[..((words + 1) * 4)];
            }

            ReadsEverything(bytes);
        });

    [Fact]
    public void Seeded_mutations_of_a_valid_compound_never_throw()
    {
        var random = new Random(3550_6);
        var valid = RtcpVectors.Concat(
            RtcpVectors.SenderReport, RtcpVectors.SdesTwoChunks, RtcpVectors.App, RtcpVectors.ByeWithReason, RtcpVectors.PaddedReceiverReport);
        int parsed = 0;
        for (int i = 0; i < 200_000; i++)
        {
            var bytes = valid.ToArray();
            for (int edits = random.Next(1, 4); edits > 0; edits--)
            {
                bytes[random.Next(bytes.Length)] = random.Next(2) == 0 ? (byte)random.Next(256) : (byte)(bytes[random.Next(bytes.Length)] ^ 0x1F);
            }

            if (ReadsEverything(bytes[..random.Next(bytes.Length + 1)]))
            {
                parsed++;
            }
        }

        Assert.True(parsed > 0);
    }

    /// <summary>Parses, then reads every field of every packet it can; true when the compound parsed.</summary>
    private static bool ReadsEverything(byte[] bytes)
    {
        if (!RtcpCompoundPacket.TryParse(bytes, out var compound, out var error, allowReducedSize: true))
        {
            Assert.NotEqual(RtcpParseError.None, error);
            return false;
        }

        int total = 0;
        foreach (var packet in compound)
        {
            total += packet.Bytes.Length;
            Assert.True(packet.Body.Length <= packet.Bytes.Length - RtcpPacket.HeaderLength);
            ReadPacket(packet);
        }

        Assert.Equal(bytes.Length, total);
        return true;
    }

    private static void ReadPacket(RtcpPacket packet)
    {
        if (RtcpSenderReport.TryParse(packet, out var sr, out _))
        {
            _ = sr.Ssrc + sr.SenderInfo.OctetCount + (uint)sr.ProfileExtension.Length;
            for (int i = 0; i < sr.ReportCount; i++)
            {
                _ = sr.GetReportBlock(i);
            }
        }
        else if (RtcpReceiverReport.TryParse(packet, out var rr, out _))
        {
            _ = rr.Ssrc + (uint)rr.ProfileExtension.Length;
            for (int i = 0; i < rr.ReportCount; i++)
            {
                _ = rr.GetReportBlock(i);
            }
        }
        else if (RtcpSourceDescription.TryParse(packet, out var sdes, out _))
        {
            int chunks = 0;
            foreach (var chunk in sdes)
            {
                chunks++;
                foreach (var item in chunk)
                {
                    _ = item.Type + item.Value.Length;
                }
            }

            Assert.Equal(sdes.ChunkCount, chunks);
        }
        else if (RtcpGoodbye.TryParse(packet, out var bye, out _))
        {
            for (int i = 0; i < bye.SourceCount; i++)
            {
                _ = bye.GetSource(i);
            }

            _ = bye.Reason.Length;
        }
    }
}
