using System.Text;
using CallCenter.Media.Rtcp;
using CallCenter.Media.Tests.Rtp.Support;

namespace CallCenter.Media.Tests.Rtcp;

public class RtcpSourceDescriptionTests
{
    [Fact]
    public void The_cname_of_a_source_is_found()
    {
        var packet = RtcpReportTests.Single(RtcpVectors.SdesCname);
        Assert.True(RtcpSourceDescription.TryParse(packet, out var sdes, out _));
        Assert.Equal(1, sdes.ChunkCount);
        Assert.True(sdes.TryGetItem(0x11223344, SdesItemType.CanonicalName, out var cname));
        Assert.Equal("alice", Encoding.UTF8.GetString(cname));
        Assert.False(sdes.TryGetItem(0x11223344, SdesItemType.Email, out _));
        Assert.False(sdes.TryGetItem(0x99999999, SdesItemType.CanonicalName, out _));
    }

    [Fact]
    public void Every_chunk_and_item_is_enumerated()
    {
        var packet = RtcpReportTests.Single(RtcpVectors.SdesTwoChunks);
        Assert.True(RtcpSourceDescription.TryParse(packet, out var sdes, out _));
        var seen = new List<string>();
        foreach (var chunk in sdes)
        {
            seen.Add($"chunk {chunk.Ssrc:X8}");
            foreach (var item in chunk)
            {
                seen.Add($"{item.Type}={Encoding.UTF8.GetString(item.Value)}");
            }
        }

        Assert.Equal(["chunk 01020304", "2=bo", "6=x", "chunk 0A0B0C0D"], seen);
    }

    [Theory]
    [InlineData("81 CA 00 01 11 22 33 44")]                         // chunk without its null terminator
    [InlineData("81 CA 00 02 11 22 33 44 01 05 61 6C")]             // item longer than the packet
    [InlineData("81 CA 00 02 11 22 33 44 01 02 61 6C")]             // item fits, terminator missing
    [InlineData("82 CA 00 02 11 22 33 44 00 00 00 00")]             // SC=2 but one chunk
    public void Truncated_chunks_are_refused(string hex)
    {
        var packet = RtcpReportTests.Single(Hex.Bytes(hex));
        Assert.False(RtcpSourceDescription.TryParse(packet, out _, out var error));
        Assert.Equal(RtcpParseError.SourceDescriptionTruncated, error);
    }

    [Fact]
    public void An_sdes_with_no_chunks_is_valid()
    {
        var packet = RtcpReportTests.Single(Hex.Bytes("80 CA 00 00"));
        Assert.True(RtcpSourceDescription.TryParse(packet, out var sdes, out _));
        Assert.Equal(0, sdes.ChunkCount);
    }
}
