using CallCenter.Media.G711;

namespace CallCenter.Media.Tests.G711;

public sealed class ALawTests
{
    [Fact]
    public void Encode_MatchesReferenceForEvery16BitInput()
    {
        for (int sample = short.MinValue; sample <= short.MaxValue; sample++)
        {
            byte expected = ReferenceG711.ALawCompress((short)sample);
            byte actual = ALaw.Encode((short)sample);
            if (actual != expected)
            {
                Assert.Fail($"Encode({sample}) = 0x{actual:X2}, reference 0x{expected:X2}");
            }
        }
    }

    [Fact]
    public void SegmentAlgorithm_MatchesReferenceForEvery16BitInput()
    {
        for (int sample = short.MinValue; sample <= short.MaxValue; sample++)
        {
            Assert.Equal(ReferenceG711.ALawCompress((short)sample), ALaw.EncodeBySegment((short)sample));
        }
    }

    [Fact]
    public void Decode_MatchesReferenceForAll256Codes()
    {
        for (int code = 0; code < 256; code++)
        {
            Assert.Equal(ReferenceG711.ALawExpand((byte)code), ALaw.Decode((byte)code));
        }
    }

    [Fact]
    public void DecodeThenEncode_ReturnsEveryCode()
    {
        for (int code = 0; code < 256; code++)
        {
            Assert.Equal((byte)code, ALaw.Encode(ALaw.Decode((byte)code)));
        }
    }

    [Theory]
    [InlineData(0xD5, 8)]         // smallest positive: A-law has no zero level
    [InlineData(0x55, -8)]
    [InlineData(0xD4, 24)]
    [InlineData(0xC5, 264)]       // first code of segment 1 (same step as segment 0)
    [InlineData(0xF5, 528)]       // first code of segment 2: the step doubles
    [InlineData(0xAA, 32256)]     // largest positive
    [InlineData(0x2A, -32256)]    // largest negative
    public void Decode_KnownValues(int code, int expected)
    {
        Assert.Equal((short)expected, ALaw.Decode((byte)code));
    }

    [Theory]
    [InlineData(0, 0xD5)]
    [InlineData(15, 0xD5)]          // the three low bits are below G.711's resolution
    [InlineData(-1, 0x55)]          // one's complement: -1 mirrors 0
    [InlineData(16, 0xD4)]
    [InlineData(-17, 0x54)]
    [InlineData(32767, 0xAA)]
    [InlineData(-32768, 0x2A)]
    public void Encode_KnownValues(int sample, int expected)
    {
        Assert.Equal((byte)expected, ALaw.Encode((short)sample));
    }

    [Fact]
    public void Zero_EncodesToTheSilenceCode()
    {
        Assert.Equal(ALaw.SilenceCode, ALaw.Encode(0));
    }

    [Fact]
    public void DigitalMilliwatt_OfG711Table6_DecodesToA1kHzSineAndEncodesBack()
    {
        // G.711 Table 6: the A-law digital milliwatt, one period of 1 kHz at 0 dBm0.
        byte[] sequence = [0x34, 0x21, 0x21, 0x34, 0xB4, 0xA1, 0xA1, 0xB4];
        short[] decoded = new short[8];
        ALaw.Decode(sequence, decoded);

        Assert.Equal([-8960, -20992, -20992, -8960, 8960, 20992, 20992, 8960], decoded.Select(s => (int)s));
        byte[] encoded = new byte[8];
        ALaw.Encode(decoded, encoded);
        Assert.Equal(sequence, encoded);
    }

    [Fact]
    public void Encode_IsAntisymmetricAroundMinusOneHalf()
    {
        for (int sample = 0; sample <= short.MaxValue; sample++)
        {
            Assert.Equal(ALaw.Encode((short)sample) & 0x7F, ALaw.Encode((short)~sample) & 0x7F);
        }
    }

    [Fact]
    public void Encode_IsMonotonic()
    {
        int previous = int.MinValue;
        for (int sample = short.MinValue; sample <= short.MaxValue; sample++)
        {
            int decoded = ALaw.Decode(ALaw.Encode((short)sample));
            Assert.True(decoded >= previous, $"decode(encode({sample})) = {decoded} < {previous}");
            previous = decoded;
        }
    }

    [Fact]
    public void SpanEncodeAndDecode_MatchOneAtATime()
    {
        short[] samples = [.. Enumerable.Range(0, 1000).Select(i => (short)((i * 6553) - 32768))];
        byte[] codes = new byte[samples.Length];
        short[] decoded = new short[samples.Length];

        ALaw.Encode(samples, codes);
        ALaw.Decode(codes, decoded);

        Assert.Equal(samples.Select(ALaw.Encode), codes);
        Assert.Equal(codes.Select(ALaw.Decode), decoded);
    }

    [Fact]
    public void SpanEncodeAndDecode_RejectShortDestinations()
    {
        Assert.Throws<ArgumentException>(() => ALaw.Encode(new short[3], new byte[2]));
        Assert.Throws<ArgumentException>(() => ALaw.Decode(new byte[3], new short[2]));
    }

    [Fact]
    public void SpanEncodeAndDecode_DoNotAllocate()
    {
        short[] samples = new short[G711Frame.SamplesPerFrame];
        byte[] codes = new byte[G711Frame.SamplesPerFrame];
        ALaw.Encode(samples, codes);
        ALaw.Decode(codes, samples);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            ALaw.Encode(samples, codes);
            ALaw.Decode(codes, samples);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
