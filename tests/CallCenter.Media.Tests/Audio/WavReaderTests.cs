using CallCenter.Media.Audio;
using CallCenter.Media.G711;

namespace CallCenter.Media.Tests.Audio;

public sealed class WavReaderTests
{
    private const string Source = "audio/en/welcome.wav";
    private static readonly short[] Samples = [0, 1000, -1000, 32767, -32768, 5];

    [Fact]
    public void Pcm16Mono8kHz_IsReadAsItsSamples()
    {
        WavReadResult result = WavReader.Read(WavBuilder.Pcm16(Samples), Source);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Null(result.Error);
        Assert.Equal(WavEncoding.Pcm16, result.Audio!.Encoding);
        Assert.Equal(Samples, result.Audio.Samples);
    }

    [Theory]
    [InlineData(7, WavEncoding.MuLaw)]
    [InlineData(6, WavEncoding.ALaw)]
    public void G711Files_AreDecodedToLinearPcm(int formatTag, WavEncoding encoding)
    {
        byte[] codes = [0x00, 0x55, 0x7F, 0x80, 0xD5, 0xFF, 0x12];
        byte[] file = new WavBuilder().Fmt(formatTag, 1, 8000, 8).Chunk("fact", [7, 0, 0, 0]).Data(codes).Build();

        WavReadResult result = WavReader.Read(file, Source);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(encoding, result.Audio!.Encoding);
        G711Law law = encoding == WavEncoding.MuLaw ? G711Law.MuLaw : G711Law.ALaw;
        Assert.Equal(codes.Select(c => G711Codec.Decode(law, c)), result.Audio.Samples);
    }

    [Theory]
    [InlineData(1, 16, WavEncoding.Pcm16)]
    [InlineData(7, 8, WavEncoding.MuLaw)]
    [InlineData(6, 8, WavEncoding.ALaw)]
    public void ExtensibleFormat_IsReadByItsSubFormat(int subFormat, int bits, WavEncoding encoding)
    {
        byte[] file = new WavBuilder().ExtensibleFmt(subFormat, bits).Data(new byte[4]).Build();

        WavReadResult result = WavReader.Read(file, Source);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(encoding, result.Audio!.Encoding);
    }

    [Fact]
    public void ExtraChunksOddSizesAndAnyOrder_AreTolerated()
    {
        byte[] file = new WavBuilder()
            .Chunk("LIST", "INFOISFT\u0003\0\0\0ab\0"u8.ToArray())   // 15 bytes: odd, padded
            .Data(WavBuilder.ToBytes(Samples))
            .Chunk("cue ", [1, 2, 3])
            .Fmt(1, 1, 8000, 16)                                         // fmt after data
            .Chunk("fact", [6, 0, 0, 0])
            .Build();

        WavReadResult result = WavReader.Read(file, Source);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(Samples, result.Audio!.Samples);
    }

    [Fact]
    public void OddLastChunkWithoutItsPadByte_IsTolerated()
    {
        byte[] file = new WavBuilder().Fmt(7, 1, 8000, 8).Data([1, 2, 3], pad: false).Build();

        WavReadResult result = WavReader.Read(file, Source);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(3, result.Audio!.Samples.Length);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(4u)]
    [InlineData(uint.MaxValue)]
    public void WrongRiffSize_IsTolerated(uint riffSize)
    {
        var builder = new WavBuilder { RiffSizeOverride = riffSize };
        byte[] file = builder.Fmt(1, 1, 8000, 16).Data(WavBuilder.ToBytes(Samples)).Build();

        WavReadResult result = WavReader.Read(file, Source);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(Samples, result.Audio!.Samples);
    }

    [Fact]
    public void BytesAfterTheDeclaredRiffEnd_AreIgnored()
    {
        byte[] wav = WavBuilder.Pcm16(Samples);
        byte[] file = [.. wav, .. "junkjunkjunk"u8.ToArray()];

        WavReadResult result = WavReader.Read(file, Source);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(Samples, result.Audio!.Samples);
    }

    [Fact]
    public void Duration_IsSamplesAt8kHz()
    {
        WavReadResult result = WavReader.Read(WavBuilder.Pcm16(new short[12000]), Source);

        Assert.Equal(TimeSpan.FromSeconds(1.5), result.Audio!.Duration);
    }

    [Fact]
    public void WrongSampleRate_NamesTheFileAndTheRule()
    {
        byte[] file = new WavBuilder().Fmt(1, 1, 16000, 16).Data(new byte[4]).Build();

        WavReadResult result = WavReader.Read(file, Source);

        Assert.False(result.Success);
        Assert.Null(result.Audio);
        Assert.Equal("audio/en/welcome.wav: sample rate 16000 Hz, prompts must be 8000 Hz mono", result.Error!.ToString());
    }

    public static TheoryData<byte[], string> BadFiles => new()
    {
        { new WavBuilder().Fmt(1, 2, 8000, 16).Data(new byte[4]).Build(), "2 channels, prompts must be 8000 Hz mono" },
        { new WavBuilder().Fmt(1, 2, 44100, 16).Data(new byte[4]).Build(), "2 channels at 44100 Hz, prompts must be 8000 Hz mono" },
        { new WavBuilder().Fmt(3, 1, 8000, 32).Data(new byte[4]).Build(), "format tag 3 (IEEE float), prompts must be 16-bit PCM, μ-law or A-law" },
        {
            new WavBuilder().Fmt(0x55, 2, 44100, 0, blockAlign: 1).Data(new byte[4]).Build(),
            "format tag 85 (MP3), prompts must be 16-bit PCM, μ-law or A-law; 2 channels at 44100 Hz, prompts must be 8000 Hz mono"
        },
        { new WavBuilder().Fmt(1, 1, 8000, 8).Data(new byte[4]).Build(), "8-bit PCM, prompts must be 16-bit PCM, μ-law or A-law" },
        { new WavBuilder().Fmt(7, 1, 8000, 16).Data(new byte[4]).Build(), "16-bit μ-law, prompts must be 16-bit PCM, μ-law or A-law" },
        { new WavBuilder().Fmt(1, 1, 8000, 16, blockAlign: 4).Data(new byte[4]).Build(), "block align 4 does not match one 16-bit mono sample (2)" },
        { new WavBuilder().ExtensibleFmt(1, 16, standardGuid: false).Data(new byte[4]).Build(), "WAVE_FORMAT_EXTENSIBLE with an unknown sub-format GUID, prompts must be 16-bit PCM, μ-law or A-law" },
        { new WavBuilder().Chunk("fmt ", new byte[14]).Data(new byte[4]).Build(), "the 'fmt ' chunk is 14 bytes, too short to describe the audio (at least 16)" },
        { new WavBuilder { RiffId = "RIFX" }.Fmt(1, 1, 8000, 16).Data(new byte[4]).Build(), "big-endian RIFX files are not supported, convert to a little-endian RIFF WAV" },
        { new WavBuilder { RiffId = "RF64" }.Fmt(1, 1, 8000, 16).Data(new byte[4]).Build(), "RF64 files are not supported, prompts must be plain RIFF WAV" },
        { new WavBuilder { FormType = "AVI " }.Build(), "a RIFF file of form 'AVI ', not 'WAVE'" },
        { "ID3\u0004 this is an mp3 really"u8.ToArray(), "not a WAV file: it does not start with 'RIFF'" },
        { "RIFF"u8.ToArray(), "not a WAV file: 4 bytes is too short for a RIFF header" },
        { new WavBuilder().Data(new byte[4]).Build(), "no 'fmt ' chunk, the audio format is unknown" },
        { new WavBuilder().Fmt(1, 1, 8000, 16).Build(), "no 'data' chunk, there is no audio" },
        { new WavBuilder().Build(), "no 'fmt ' or 'data' chunk" },
        { new WavBuilder().Fmt(1, 1, 8000, 16).Data([]).Build(), "the 'data' chunk is empty, there is no audio" },
        { new WavBuilder().Fmt(1, 1, 8000, 16).Data([1, 2, 3]).Build(), "the 'data' chunk is 3 bytes, not a whole number of 2-byte samples" },
        { new WavBuilder().Fmt(1, 1, 8000, 16).Data([1, 2]).Data([3, 4]).Build(), "more than one 'data' chunk" },
        { new WavBuilder().Fmt(1, 1, 8000, 16).Fmt(1, 1, 8000, 16).Data([3, 4]).Build(), "more than one 'fmt ' chunk" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void BadFile_IsReportedWithTheFileAndWhatIsWrong(byte[] file, string message)
    {
        WavReadResult result = WavReader.Read(file, Source);

        Assert.False(result.Success);
        Assert.Equal(Source, result.Error!.Source);
        Assert.Equal(message, result.Error.Message);
    }

    [Fact]
    public void TruncatedDataChunk_IsAnError()
    {
        byte[] whole = WavBuilder.Pcm16(new short[100]);
        byte[] cut = whole[..^50];

        WavReadResult result = WavReader.Read(cut, Source);

        Assert.Equal("the 'data' chunk is truncated: its header says 200 bytes but only 150 follow", result.Error!.Message);
    }

    [Fact]
    public void TruncatedOtherChunk_StopsTheScanAndIsNamedWhenSomethingIsMissing()
    {
        byte[] file = new WavBuilder().Fmt(1, 1, 8000, 16).Chunk("LIST", new byte[40]).Build()[..^20];

        WavReadResult result = WavReader.Read(file, Source);

        Assert.Equal("no 'data' chunk, there is no audio (the 'LIST' chunk at byte 36 is truncated)", result.Error!.Message);
    }

    [Fact]
    public void TruncatedTrailingChunkAfterTheAudio_IsTolerated()
    {
        byte[] file = new WavBuilder().Fmt(1, 1, 8000, 16).Data([1, 2]).Chunk("LIST", new byte[40]).Build()[..^20];

        Assert.True(WavReader.Read(file, Source).Success);
    }

    [Fact]
    public void NonPrintableChunkIds_AreShownSafely()
    {
        byte[] file = new WavBuilder { FormType = "W\u0001\nE" }.Build();

        Assert.Equal("a RIFF file of form 'W??E', not 'WAVE'", WavReader.Read(file, Source).Error!.Message);
    }

    [Fact]
    public void ReadFile_ReadsFromDiskAndReportsMissingAndOversizedFiles()
    {
        string path = Path.Combine(Path.GetTempPath(), $"callcenter-wav-{Guid.NewGuid():N}.wav");
        try
        {
            File.WriteAllBytes(path, WavBuilder.Pcm16(Samples));

            Assert.Equal(Samples, WavReader.ReadFile(path).Audio!.Samples);
            Assert.Equal($"{path}: file is 56 bytes, more than the 40-byte limit for a prompt", WavReader.ReadFile(path, maxFileBytes: 40).Error!.ToString());
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Equal($"{path}: file not found", WavReader.ReadFile(path).Error!.ToString());
    }
}
