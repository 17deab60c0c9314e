using CallCenter.Media.Audio;
using CallCenter.Media.G711;

namespace CallCenter.Media.Tests.Audio;

public sealed class PromptTests
{
    private static short[] Ramp(int length) => [.. Enumerable.Range(0, length).Select(i => (short)((i * 97) - 16000))];

    [Theory]
    [InlineData(1, 1)]
    [InlineData(159, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(8000, 50)]
    public void Frames_AreCutAt160SamplesRoundingUp(int samples, int frames)
    {
        Prompt prompt = Prompt.FromSamples("en/test", Ramp(samples));

        Assert.Equal(frames, prompt.FrameCount);
        Assert.Equal(samples, prompt.SampleCount);
        Assert.Equal(TimeSpan.FromMilliseconds(20 * frames), prompt.Duration);
        Assert.Equal(frames * 160, prompt.GetAllFrames(G711Law.MuLaw).Length);
        Assert.Equal(frames * 160, prompt.GetAllFrames(G711Law.ALaw).Length);
    }

    [Theory]
    [InlineData(G711Law.MuLaw)]
    [InlineData(G711Law.ALaw)]
    public void Frames_HoldTheEncodedSamplesThenSilencePadding(G711Law law)
    {
        short[] samples = Ramp(200);
        Prompt prompt = Prompt.FromSamples("en/test", samples);

        byte[] expected = new byte[320];
        G711Codec.Encode(law, samples, expected);
        expected.AsSpan(200).Fill(law.SilenceCode());

        Assert.Equal(expected[..160], prompt.GetFrame(law, 0).ToArray());
        Assert.Equal(expected[160..], prompt.GetFrame(law, 1).ToArray());
        Assert.Equal(expected, prompt.GetAllFrames(law).ToArray());
    }

    [Fact]
    public void GetFrame_RejectsIndexesOutsideThePrompt()
    {
        Prompt prompt = Prompt.FromSamples("en/test", Ramp(300));

        Assert.Throws<ArgumentOutOfRangeException>(() => prompt.GetFrame(G711Law.MuLaw, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => prompt.GetFrame(G711Law.MuLaw, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => prompt.GetFrame((G711Law)9, 0));
    }

    [Fact]
    public void FromSamples_RejectsEmptyAudio()
    {
        Assert.Throws<ArgumentException>(() => Prompt.FromSamples("en/test", []));
    }

    [Fact]
    public void KeyAndToString_NameThePrompt()
    {
        Prompt prompt = Prompt.FromSamples("en/welcome", Ramp(8000));

        Assert.Equal("en/welcome", prompt.Key);
        Assert.Equal("en/welcome (1.00 s)", prompt.ToString());
    }

    [Fact]
    public void GetFrame_DoesNotAllocate()
    {
        Prompt prompt = Prompt.FromSamples("en/test", Ramp(1600));
        _ = prompt.GetFrame(G711Law.MuLaw, 0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        int total = 0;
        for (int i = 0; i < 1000; i++)
        {
            total += prompt.GetFrame(i % 2 == 0 ? G711Law.MuLaw : G711Law.ALaw, i % prompt.FrameCount).Span[0];
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(total > 0);
    }
}
