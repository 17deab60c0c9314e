using CallCenter.Media.G711;

namespace CallCenter.Media.Tests.G711;

public sealed class G711FrameTests
{
    [Fact]
    public void Frame_Is160SamplesOf20Milliseconds()
    {
        Assert.Equal(160, G711Frame.SamplesPerFrame);
        Assert.Equal(TimeSpan.FromMilliseconds(20), G711Frame.Duration);
        Assert.Equal(8000, G711Frame.SampleRate);
    }

    [Theory]
    [InlineData(G711Law.MuLaw, 0xFF)]
    [InlineData(G711Law.ALaw, 0xD5)]
    public void Silence_IsOneFrameOfTheZeroCode(G711Law law, int code)
    {
        ReadOnlySpan<byte> silence = G711Frame.Silence(law).Span;

        Assert.Equal(G711Frame.SamplesPerFrame, silence.Length);
        Assert.True(silence.IndexOfAnyExcept((byte)code) < 0);
        Assert.Equal(code, law.SilenceCode());
        Assert.Equal(code, G711Codec.Encode(law, 0));
    }

    [Theory]
    [InlineData(G711Law.MuLaw, 0, "PCMU")]
    [InlineData(G711Law.ALaw, 8, "PCMA")]
    public void Law_HasTheRfc3551PayloadTypeAndName(G711Law law, int payloadType, string name)
    {
        Assert.Equal(payloadType, law.PayloadType());
        Assert.Equal(name, law.EncodingName());
    }

    [Fact]
    public void UnknownLaw_IsRejected()
    {
        var unknown = (G711Law)42;
        Assert.Throws<ArgumentOutOfRangeException>(() => unknown.PayloadType());
        Assert.Throws<ArgumentOutOfRangeException>(() => unknown.EncodingName());
        Assert.Throws<ArgumentOutOfRangeException>(() => unknown.SilenceCode());
        Assert.Throws<ArgumentOutOfRangeException>(() => G711Frame.Silence(unknown));
        Assert.Throws<ArgumentOutOfRangeException>(() => G711Codec.Encode(unknown, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => G711Codec.Decode(unknown, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => G711Codec.Encode(unknown, new short[1], new byte[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => G711Codec.Decode(unknown, new byte[1], new short[1]));
    }
}
