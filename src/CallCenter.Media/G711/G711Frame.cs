namespace CallCenter.Media.G711;

/// <summary>
/// The packetisation the media layer uses for G.711: 8,000 samples per second, one byte per
/// sample, 20 ms per RTP packet (RFC 3551 §4.5: the default packetisation interval is 20 ms),
/// so every frame is 160 samples and 160 bytes.
/// </summary>
public static class G711Frame
{
    /// <summary>Samples per second (also the RTP clock rate for PCMU and PCMA, RFC 3551 §4.5.14).</summary>
    public const int SampleRate = 8000;

    /// <summary>Length of one frame in milliseconds.</summary>
    public const int Milliseconds = 20;

    /// <summary>Samples (and encoded bytes) in one frame: 8,000 × 20 ms.</summary>
    public const int SamplesPerFrame = SampleRate * Milliseconds / 1000;

    // Never handed out as arrays, only as read-only memory, so they cannot be changed.
    private static readonly byte[] MuLawSilence = CreateSilence(MuLaw.SilenceCode);
    private static readonly byte[] ALawSilence = CreateSilence(ALaw.SilenceCode);

    /// <summary>Length of one frame.</summary>
    public static TimeSpan Duration { get; } = TimeSpan.FromMilliseconds(Milliseconds);

    /// <summary>A ready frame of digital silence in <paramref name="law"/> (all 0xFF for PCMU, all 0xD5 for PCMA).</summary>
    public static ReadOnlyMemory<byte> Silence(G711Law law) => law switch
    {
        G711Law.MuLaw => MuLawSilence,
        G711Law.ALaw => ALawSilence,
        _ => throw G711Codec.UnknownLaw(law),
    };

    private static byte[] CreateSilence(byte code)
    {
        var frame = new byte[SamplesPerFrame];
        Array.Fill(frame, code);
        return frame;
    }
}
