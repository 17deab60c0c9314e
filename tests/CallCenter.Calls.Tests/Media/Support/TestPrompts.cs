using CallCenter.Media.Audio;
using CallCenter.Media.Dtmf;
using CallCenter.Media.G711;

namespace CallCenter.Calls.Tests.Media.Support;

/// <summary>Synthetic prompts (seeded noise, so every frame differs from every other and from silence) and DTMF audio.</summary>
internal static class TestPrompts
{
    /// <summary>100 ms: five frames.</summary>
    public static Prompt Short { get; } = Noise("en/short", frames: 5, seed: 1);

    /// <summary>One second: fifty frames.</summary>
    public static Prompt OneSecond { get; } = Noise("en/one-second", frames: 50, seed: 2);

    /// <summary>Five seconds, longer than any test waits for it.</summary>
    public static Prompt Long { get; } = Noise("en/long", frames: 250, seed: 3);

    public static PromptLibrary Library { get; } = PromptLibrary.FromPrompts("en", [Short, OneSecond, Long]);

    /// <summary>The frames of <paramref name="prompt"/> in <paramref name="law"/>, as RTP payloads.</summary>
    public static byte[][] Frames(Prompt prompt, G711Law law) =>
        Enumerable.Range(0, prompt.FrameCount).Select(i => prompt.GetFrame(law, i).ToArray()).ToArray();

    /// <summary>A key's dual tone (ITU-T Q.23 frequencies, about −10 dBm0 each) followed by silence, encoded in <paramref name="law"/>.</summary>
    public static byte[] DtmfTone(char digit, G711Law law, int toneMilliseconds = 100, int silenceMilliseconds = 100)
    {
        Assert.True(DtmfKeypad.TryGetFrequencies(digit, out var low, out var high));
        var toneSamples = toneMilliseconds * G711Frame.SampleRate / 1000;
        var samples = new short[toneSamples + (silenceMilliseconds * G711Frame.SampleRate / 1000)];
        for (var i = 0; i < toneSamples; i++)
        {
            var t = (double)i / G711Frame.SampleRate;
            samples[i] = (short)((7000 * Math.Sin(2 * Math.PI * low * t)) + (7000 * Math.Sin(2 * Math.PI * high * t)));
        }

        var encoded = new byte[samples.Length];
        G711Codec.Encode(law, samples, encoded);
        return encoded;
    }

    private static Prompt Noise(string key, int frames, int seed)
    {
        var random = new Random(seed);
        var samples = new short[frames * G711Frame.SamplesPerFrame];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)random.Next(-8000, 8000);
        }

        return Prompt.FromSamples(key, samples);
    }
}
