using CallCenter.Media.Audio;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CallCenter.Media.Tests.Audio;

/// <summary>Whatever the bytes, the reader returns audio or an error and never throws.</summary>
public sealed class WavReaderPropertyTests
{
    private static readonly byte[] ValidFile = new WavBuilder()
        .Fmt(1, 1, 8000, 16)
        .Chunk("LIST", new byte[9])
        .Data(WavBuilder.ToBytes([.. Enumerable.Range(0, 40).Select(i => (short)(i * 800))]))
        .Build();

    [Property(MaxTest = 2000)]
    public void RandomBytes_NeverThrow(byte[] bytes)
    {
        AssertReadsOrFails(bytes);
    }

    [Property(MaxTest = 2000)]
    public void RandomBytesAfterAValidHeader_NeverThrow(byte[] tail)
    {
        AssertReadsOrFails([.. "RIFF\u00ff\u00ff\u00ff\u007fWAVE"u8.ToArray(), .. tail]);
        AssertReadsOrFails([.. ValidFile.AsSpan(0, 36), .. tail]);
    }

    [Property(MaxTest = 3000)]
    public Property CorruptedValidFile_NeverThrows() =>
        Prop.ForAll(
            Gen.Choose(0, ValidFile.Length - 1).ArrayOf().Zip(Gen.Choose(0, 255).ArrayOf()).ToArbitrary(),
            mutation =>
            {
                byte[] file = [.. ValidFile];
                (int[] positions, int[] values) = mutation;
                for (int i = 0; i < Math.Min(positions.Length, values.Length); i++)
                {
                    file[positions[i]] = (byte)values[i];
                }

                AssertReadsOrFails(file);
            });

    [Fact]
    public void EveryTruncationOfAValidFile_NeverThrows()
    {
        for (int length = 0; length <= ValidFile.Length; length++)
        {
            AssertReadsOrFails(ValidFile.AsSpan(0, length));
        }
    }

    private static void AssertReadsOrFails(ReadOnlySpan<byte> file)
    {
        WavReadResult result = WavReader.Read(file, "fuzz.wav");
        Assert.True(result.Success ^ result.Error is not null);
        if (result.Error is not null)
        {
            Assert.Equal("fuzz.wav", result.Error.Source);
            Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
        }
        else
        {
            Assert.NotEmpty(result.Audio!.Samples);
        }
    }
}
