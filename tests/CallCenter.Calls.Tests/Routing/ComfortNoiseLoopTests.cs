using CallCenter.Calls.Media;
using CallCenter.Media.G711;

namespace CallCenter.Calls.Tests.Routing;

/// <summary>What a waiting caller hears between announcements: quiet noise, never digital silence, never a tone.</summary>
public sealed class ComfortNoiseLoopTests
{
    [Theory]
    [InlineData(G711Law.MuLaw)]
    [InlineData(G711Law.ALaw)]
    public void The_loop_is_low_level_noise_not_silence(G711Law law)
    {
        var loop = ComfortNoiseLoop.Create();
        var codes = loop.GetAllFrames(law).ToArray();
        var samples = new short[codes.Length];
        G711Codec.Decode(law, codes, samples);

        double rms = Math.Sqrt(samples.Average(s => (double)s * s));
        double dbov = 20 * Math.Log10(rms / short.MaxValue);

        Assert.True(loop.Duration >= TimeSpan.FromSeconds(1), loop.ToString());
        Assert.InRange(dbov, ComfortNoiseLoop.LevelDbov - 6, ComfortNoiseLoop.LevelDbov + 6);
        Assert.True(samples.Distinct().Count() > 8, "comfort noise must vary, not be silence or a constant");
        Assert.NotEqual(G711Frame.Silence(law).ToArray(), loop.GetFrame(law, 0).ToArray());
    }

    [Fact]
    public void Every_call_hears_the_same_loop()
    {
        var first = ComfortNoiseLoop.Create().GetAllFrames(G711Law.MuLaw).ToArray();
        var second = ComfortNoiseLoop.Create().GetAllFrames(G711Law.MuLaw).ToArray();

        Assert.Equal(first, second);
    }
}
