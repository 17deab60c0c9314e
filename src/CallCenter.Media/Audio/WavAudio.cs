using CallCenter.Media.G711;

namespace CallCenter.Media.Audio;

/// <summary>The audio of a WAV file that passed every check: 8 kHz mono, decoded to linear PCM.</summary>
/// <param name="Encoding">How the samples were stored in the file.</param>
/// <param name="Samples">The samples as 16-bit linear PCM (G.711 files are decoded). Never empty.</param>
public sealed record WavAudio(WavEncoding Encoding, short[] Samples)
{
    /// <summary>Length of the audio at 8,000 samples per second.</summary>
    public TimeSpan Duration => TimeSpan.FromTicks(Samples.Length * (TimeSpan.TicksPerSecond / G711Frame.SampleRate));
}
