using CallCenter.Media.Audio;
using CallCenter.Media.G711;

namespace CallCenter.Calls.Media;

/// <summary>
/// Ringback as callers in most of the world know it (ITU-T E.180: 425 Hz, 1 s on, 4 s off — Philippines and
/// Malaysia use this cadence family), precomputed once as a 5 s <see cref="Prompt"/> that a player loops.
/// </summary>
public static class RingbackTone
{
    private const double Frequency = 425;
    private const double Amplitude = 0.25 * short.MaxValue;
    private static readonly TimeSpan On = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    /// <summary>One cadence period, ready to loop.</summary>
    public static Prompt Create()
    {
        var total = (int)(Period.TotalSeconds * G711Frame.SampleRate);
        var on = (int)(On.TotalSeconds * G711Frame.SampleRate);
        var samples = new short[total];
        for (var i = 0; i < on; i++)
        {
            samples[i] = (short)(Amplitude * Math.Sin(2 * Math.PI * Frequency * i / G711Frame.SampleRate));
        }

        return Prompt.FromSamples("tone/ringback", samples);
    }
}
