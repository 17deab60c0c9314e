using CallCenter.Media.G711;

namespace CallCenter.Media.Tests.G711;

public sealed class G711TranscoderTests
{
    [Fact]
    public void MuLawToALaw_EqualsDecodeThenEncodeForAll256Codes()
    {
        for (int code = 0; code < 256; code++)
        {
            byte expected = ReferenceG711.ALawCompress(ReferenceG711.MuLawExpand((byte)code));
            Assert.Equal(expected, G711Transcoder.MuLawToALaw((byte)code));
        }
    }

    [Fact]
    public void ALawToMuLaw_EqualsDecodeThenEncodeForAll256Codes()
    {
        for (int code = 0; code < 256; code++)
        {
            byte expected = ReferenceG711.MuLawCompress(ReferenceG711.ALawExpand((byte)code));
            Assert.Equal(expected, G711Transcoder.ALawToMuLaw((byte)code));
        }
    }

    [Fact]
    public void RoundTrips_LoseSixteenCodesEachWay()
    {
        // Documented loss: the laws' levels interleave, so a round trip moves 16 codes one step.
        int muLawChanged = Enumerable.Range(0, 256)
            .Count(c => G711Transcoder.ALawToMuLaw(G711Transcoder.MuLawToALaw((byte)c)) != c);
        int aLawChanged = Enumerable.Range(0, 256)
            .Count(c => G711Transcoder.MuLawToALaw(G711Transcoder.ALawToMuLaw((byte)c)) != c);

        Assert.Equal(16, muLawChanged);
        Assert.Equal(16, aLawChanged);
    }

    [Fact]
    public void Silence_MapsToSilence()
    {
        Assert.Equal(ALaw.SilenceCode, G711Transcoder.MuLawToALaw(MuLaw.SilenceCode));
        Assert.Equal(ALaw.SilenceCode, G711Transcoder.MuLawToALaw(0x7F)); // μ-law −0 decodes to 0
        Assert.Equal(MuLaw.Encode(8), G711Transcoder.ALawToMuLaw(ALaw.SilenceCode));
    }

    [Fact]
    public void SpanConversions_MatchOneAtATime_AndWorkInPlace()
    {
        byte[] codes = [.. Enumerable.Range(0, 256).Select(c => (byte)c)];
        byte[] toALaw = new byte[256];
        byte[] toMuLaw = new byte[256];

        G711Transcoder.MuLawToALaw(codes, toALaw);
        G711Transcoder.ALawToMuLaw(codes, toMuLaw);
        Assert.Equal(codes.Select(G711Transcoder.MuLawToALaw), toALaw);
        Assert.Equal(codes.Select(G711Transcoder.ALawToMuLaw), toMuLaw);

        byte[] inPlace = [.. codes];
        G711Transcoder.MuLawToALaw(inPlace, inPlace);
        Assert.Equal(toALaw, inPlace);
    }

    [Theory]
    [InlineData(G711Law.MuLaw, G711Law.MuLaw)]
    [InlineData(G711Law.ALaw, G711Law.ALaw)]
    [InlineData(G711Law.MuLaw, G711Law.ALaw)]
    [InlineData(G711Law.ALaw, G711Law.MuLaw)]
    public void Convert_EqualsDecodeThenEncode(G711Law from, G711Law to)
    {
        byte[] codes = [.. Enumerable.Range(0, 256).Select(c => (byte)c)];
        byte[] converted = new byte[256];

        G711Transcoder.Convert(from, to, codes, converted);

        byte[] expected = from == to
            ? codes
            : [.. codes.Select(c => G711Codec.Encode(to, G711Codec.Decode(from, c)))];
        Assert.Equal(expected, converted);
    }

    [Fact]
    public void Conversions_RejectShortDestinationsAndUnknownLaws()
    {
        Assert.Throws<ArgumentException>(() => G711Transcoder.MuLawToALaw(new byte[2], new byte[1]));
        Assert.Throws<ArgumentException>(() => G711Transcoder.ALawToMuLaw(new byte[2], new byte[1]));
        Assert.Throws<ArgumentException>(() => G711Transcoder.Convert(G711Law.ALaw, G711Law.ALaw, new byte[2], new byte[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => G711Transcoder.Convert((G711Law)7, G711Law.ALaw, new byte[1], new byte[1]));
    }

    [Fact]
    public void SpanConversions_DoNotAllocate()
    {
        byte[] frame = new byte[G711Frame.SamplesPerFrame];
        G711Transcoder.MuLawToALaw(frame, frame);
        G711Transcoder.ALawToMuLaw(frame, frame);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            G711Transcoder.MuLawToALaw(frame, frame);
            G711Transcoder.ALawToMuLaw(frame, frame);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
