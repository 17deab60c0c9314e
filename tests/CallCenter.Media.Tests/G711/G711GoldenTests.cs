using System.Runtime.InteropServices;
using CallCenter.Media.G711;

namespace CallCenter.Media.Tests.G711;

/// <summary>
/// Byte-for-byte checks against files written by scripts/make-g711-golden.py, an independent
/// Python implementation (see TestData/g711/README.md).
/// </summary>
public sealed class G711GoldenTests
{
    private static readonly short[] Ramp = [.. Enumerable.Range(short.MinValue, 65536).Select(i => (short)i)];

    [Theory]
    [InlineData(G711Law.MuLaw, "ramp.pcmu")]
    [InlineData(G711Law.ALaw, "ramp.pcma")]
    public void FullRangeRamp_EncodesToTheGoldenFile(G711Law law, string golden)
    {
        AssertEncodesTo(law, Ramp, ReadGolden(golden));
    }

    [Theory]
    [InlineData(G711Law.MuLaw, "sine-1004hz.pcmu")]
    [InlineData(G711Law.ALaw, "sine-1004hz.pcma")]
    public void Sine_EncodesToTheGoldenFile(G711Law law, string golden)
    {
        short[] sine = ReadSamples("sine-1004hz.s16le");
        Assert.Equal(8000, sine.Length);
        AssertEncodesTo(law, sine, ReadGolden(golden));
    }

    [Theory]
    [InlineData(G711Law.MuLaw, "codes.pcmu.s16le")]
    [InlineData(G711Law.ALaw, "codes.pcma.s16le")]
    public void AllCodes_DecodeToTheGoldenFile(G711Law law, string golden)
    {
        byte[] codes = [.. Enumerable.Range(0, 256).Select(c => (byte)c)];
        short[] decoded = new short[256];

        G711Codec.Decode(law, codes, decoded);

        Assert.Equal(ReadSamples(golden), decoded);
    }

    private static void AssertEncodesTo(G711Law law, short[] samples, byte[] expected)
    {
        byte[] actual = new byte[samples.Length];
        G711Codec.Encode(law, samples, actual);
        Assert.Equal(expected.Length, actual.Length);
        int mismatch = actual.AsSpan().CommonPrefixLength(expected);
        Assert.True(mismatch == actual.Length,
            $"first difference at index {mismatch}: sample {(mismatch < samples.Length ? samples[mismatch] : 0)}");
    }

    private static byte[] ReadGolden(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "g711", name));

    private static short[] ReadSamples(string name)
    {
        byte[] bytes = ReadGolden(name);
        short[] samples = MemoryMarshal.Cast<byte, short>(bytes).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(samples[i]);
            }
        }

        return samples;
    }
}
