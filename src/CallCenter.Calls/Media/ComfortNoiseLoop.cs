using CallCenter.Media.Audio;
using CallCenter.Media.G711;

namespace CallCenter.Calls.Media;

/// <summary>
/// Comfort noise for waiting callers: a few seconds of low-level noise (<see cref="ComfortNoiseGenerator"/>, −60 dBov)
/// rendered once and looped by every leg, so it costs no more per call than ringback.
/// </summary>
public static class ComfortNoiseLoop
{
    /// <summary>Level of the noise: a quiet but audibly live line (a caller should not think the call dropped).</summary>
    public const double LevelDbov = -60;

    private const int Seed = 3389;
    private static readonly TimeSpan Length = TimeSpan.FromSeconds(3);

    /// <summary>The loop, ready to play.</summary>
    public static Prompt Create()
    {
        var samples = new short[(int)(Length.TotalSeconds * G711Frame.SampleRate)];
        new ComfortNoiseGenerator(Seed, LevelDbov).Fill(samples);
        return Prompt.FromSamples("tone/comfort-noise", samples);
    }
}
