using CallCenter.Media.G711;

namespace CallCenter.Media.Tests.G711;

public sealed class MuLawTests
{
    [Fact]
    public void Encode_MatchesReferenceForEvery16BitInput()
    {
        for (int sample = short.MinValue; sample <= short.MaxValue; sample++)
        {
            byte expected = ReferenceG711.MuLawCompress((short)sample);
            byte actual = MuLaw.Encode((short)sample);
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
            Assert.Equal(ReferenceG711.MuLawCompress((short)sample), MuLaw.EncodeBySegment((short)sample));
        }
    }

    [Fact]
    public void Decode_MatchesReferenceForAll256Codes()
    {
        for (int code = 0; code < 256; code++)
        {
            Assert.Equal(ReferenceG711.MuLawExpand((byte)code), MuLaw.Decode((byte)code));
        }
    }

    [Fact]
    public void DecodeThenEncode_ReturnsEveryCodeExceptNegativeZero()
    {
        for (int code = 0; code < 256; code++)
        {
            byte roundTrip = MuLaw.Encode(MuLaw.Decode((byte)code));
            Assert.Equal(code == 0x7F ? (byte)0xFF : (byte)code, roundTrip);
        }
    }

    [Fact]
    public void NegativeZero_DecodesToZeroAndZeroEncodesToPositiveZero()
    {
        Assert.Equal(0, MuLaw.Decode(0x7F));
        Assert.Equal(0, MuLaw.Decode(0xFF));
        Assert.Equal(0xFF, MuLaw.Encode(0));
        Assert.Equal(MuLaw.SilenceCode, MuLaw.Encode(0));
    }

    [Theory]
    [InlineData(0xFF, 0)]
    [InlineData(0xFE, 8)]
    [InlineData(0x7E, -8)]
    [InlineData(0xF0, 120)]       // top of segment 0: 15 steps of 8
    [InlineData(0xEF, 132)]       // first code of segment 1, where the step doubles to 16
    [InlineData(0x80, 32124)]     // largest positive
    [InlineData(0x00, -32124)]    // largest negative
    public void Decode_KnownValues(int code, int expected)
    {
        Assert.Equal((short)expected, MuLaw.Decode((byte)code));
    }

    [Theory]
    [InlineData(0, 0xFF)]
    [InlineData(-1, 0x7F)]          // one's complement: -1 mirrors 0
    [InlineData(3, 0xFF)]           // the two low bits are below G.711's resolution
    [InlineData(4, 0xFE)]
    [InlineData(-5, 0x7E)]
    [InlineData(32767, 0x80)]
    [InlineData(32124, 0x80)]
    [InlineData(-32768, 0x00)]
    public void Encode_KnownValues(int sample, int expected)
    {
        Assert.Equal((byte)expected, MuLaw.Encode((short)sample));
    }

    [Fact]
    public void DigitalMilliwatt_OfG711Table5_DecodesToA1kHzSineAndEncodesBack()
    {
        // G.711 Table 5: the μ-law digital milliwatt, one period of 1 kHz at 0 dBm0.
        byte[] sequence = [0x1E, 0x0B, 0x0B, 0x1E, 0x9E, 0x8B, 0x8B, 0x9E];
        short[] decoded = new short[8];
        MuLaw.Decode(sequence, decoded);

        Assert.Equal([-8828, -20860, -20860, -8828, 8828, 20860, 20860, 8828], decoded.Select(s => (int)s));
        byte[] encoded = new byte[8];
        MuLaw.Encode(decoded, encoded);
        Assert.Equal(sequence, encoded);
    }

    [Fact]
    public void Encode_IsAntisymmetricAroundMinusOneHalf()
    {
        // x and -1-x (= ~x) must differ only in the sign bit: the G.191 convention.
        for (int sample = 0; sample <= short.MaxValue; sample++)
        {
            Assert.Equal(MuLaw.Encode((short)sample) & 0x7F, MuLaw.Encode((short)~sample) & 0x7F);
        }
    }

    [Fact]
    public void Encode_IsMonotonic()
    {
        int previous = int.MinValue;
        for (int sample = short.MinValue; sample <= short.MaxValue; sample++)
        {
            int decoded = MuLaw.Decode(MuLaw.Encode((short)sample));
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

        MuLaw.Encode(samples, codes);
        MuLaw.Decode(codes, decoded);

        Assert.Equal(samples.Select(MuLaw.Encode), codes);
        Assert.Equal(codes.Select(MuLaw.Decode), decoded);
    }

    [Fact]
    public void SpanEncode_WritesOnlyTheFirstSamplesLengthBytes()
    {
        byte[] destination = [1, 2, 3, 4];
        MuLaw.Encode([0, 0], destination);
        Assert.Equal([0xFF, 0xFF, 3, 4], destination);
    }

    [Fact]
    public void SpanEncodeAndDecode_RejectShortDestinations()
    {
        Assert.Throws<ArgumentException>(() => MuLaw.Encode(new short[3], new byte[2]));
        Assert.Throws<ArgumentException>(() => MuLaw.Decode(new byte[3], new short[2]));
    }

    [Fact]
    public void SpanEncodeAndDecode_DoNotAllocate()
    {
        short[] samples = new short[G711Frame.SamplesPerFrame];
        byte[] codes = new byte[G711Frame.SamplesPerFrame];
        MuLaw.Encode(samples, codes);
        MuLaw.Decode(codes, samples);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            MuLaw.Encode(samples, codes);
            MuLaw.Decode(codes, samples);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
