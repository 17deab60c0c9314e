using System.Buffers.Binary;
using CallCenter.Interop.Tests.Media;

namespace CallCenter.Interop.Tests.Unit;

public sealed class WavFileStateTests
{
    [Fact]
    public void A_header_whose_riff_size_covers_the_file_is_complete()
    {
        Assert.True(WavFileState.IsComplete(Header(riffSize: 1000 - 8), 1000));
    }

    [Fact]
    public void A_header_not_yet_rewritten_by_the_recorder_is_not_complete()
    {
        Assert.False(WavFileState.IsComplete(Header(riffSize: 36), 1000));
    }

    [Fact]
    public void A_file_of_only_a_header_or_not_riff_is_not_complete()
    {
        Assert.False(WavFileState.IsComplete(Header(riffSize: 36), 44));
        var notRiff = Header(riffSize: 992);
        notRiff[0] = (byte)'X';
        Assert.False(WavFileState.IsComplete(notRiff, 1000));
        Assert.False(WavFileState.IsComplete([], 1000));
    }

    private static byte[] Header(uint riffSize)
    {
        byte[] header = [.. "RIFF"u8, 0, 0, 0, 0, .. "WAVE"u8];
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), riffSize);
        return header;
    }
}
