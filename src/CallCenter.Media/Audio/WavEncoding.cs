namespace CallCenter.Media.Audio;

/// <summary>The sample encodings accepted in prompt WAV files.</summary>
public enum WavEncoding
{
    /// <summary>Linear PCM, 16-bit signed little-endian (WAVE format tag 1).</summary>
    Pcm16,

    /// <summary>G.711 μ-law, 8 bits per sample (WAVE format tag 7).</summary>
    MuLaw,

    /// <summary>G.711 A-law, 8 bits per sample (WAVE format tag 6).</summary>
    ALaw,
}
