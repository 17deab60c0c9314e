using CallCenter.Media.G711;

namespace CallCenter.Media.Audio;

/// <summary>
/// A prompt ready to send: its audio encoded once, at load, in both PCMU and PCMA and cut into
/// 20 ms frames of 160 bytes, the last one padded with silence. Playing a prompt is then only
/// handing out slices of these buffers: no encoding and no allocation per packet. Immutable, so
/// one instance serves every call at once.
/// </summary>
public sealed class Prompt
{
    private readonly byte[] _muLaw;
    private readonly byte[] _aLaw;

    private Prompt(string key, int sampleCount, byte[] muLaw, byte[] aLaw)
    {
        Key = key;
        SampleCount = sampleCount;
        _muLaw = muLaw;
        _aLaw = aLaw;
        FrameCount = muLaw.Length / G711Frame.SamplesPerFrame;
        Duration = G711Frame.Duration * FrameCount;
    }

    /// <summary>The library key, e.g. <c>en/welcome</c> (or whatever name it was created with).</summary>
    public string Key { get; }

    /// <summary>Samples of real audio, before the padding of the last frame.</summary>
    public int SampleCount { get; }

    /// <summary>Number of 20 ms frames; at least 1.</summary>
    public int FrameCount { get; }

    /// <summary>How long playing the prompt takes: <see cref="FrameCount"/> × 20 ms.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Encodes <paramref name="samples"/> (8 kHz linear PCM) into a prompt.</summary>
    /// <exception cref="ArgumentException"><paramref name="samples"/> is empty.</exception>
    public static Prompt FromSamples(string key, ReadOnlySpan<short> samples)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (samples.IsEmpty)
        {
            throw new ArgumentException("A prompt needs at least one sample.", nameof(samples));
        }

        int frames = (samples.Length + G711Frame.SamplesPerFrame - 1) / G711Frame.SamplesPerFrame;
        var muLaw = new byte[frames * G711Frame.SamplesPerFrame];
        var aLaw = new byte[muLaw.Length];
        MuLaw.Encode(samples, muLaw);
        ALaw.Encode(samples, aLaw);

        // Pad the last frame with the code of a zero sample, as if the audio went on silent.
        muLaw.AsSpan(samples.Length).Fill(MuLaw.SilenceCode);
        aLaw.AsSpan(samples.Length).Fill(ALaw.SilenceCode);
        return new Prompt(key, samples.Length, muLaw, aLaw);
    }

    /// <summary>Frame <paramref name="index"/> (0-based) in <paramref name="law"/>: 160 bytes, ready as an RTP payload.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="FrameCount"/>.</exception>
    public ReadOnlyMemory<byte> GetFrame(G711Law law, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, FrameCount);
        return new ReadOnlyMemory<byte>(Encoded(law), index * G711Frame.SamplesPerFrame, G711Frame.SamplesPerFrame);
    }

    /// <summary>All frames of the prompt in <paramref name="law"/>, back to back (<see cref="FrameCount"/> × 160 bytes).</summary>
    public ReadOnlyMemory<byte> GetAllFrames(G711Law law) => Encoded(law);

    /// <inheritdoc />
    public override string ToString() => $"{Key} ({Duration.TotalSeconds:0.00} s)";

    private byte[] Encoded(G711Law law) => law switch
    {
        G711Law.MuLaw => _muLaw,
        G711Law.ALaw => _aLaw,
        _ => throw G711Codec.UnknownLaw(law),
    };
}
