namespace CallCenter.Media.G711;

/// <summary>
/// Encodes and decodes with a law chosen at run time (the one negotiated for a call leg).
/// Each call forwards to <see cref="MuLaw"/> or <see cref="ALaw"/>.
/// </summary>
public static class G711Codec
{
    /// <summary>Encodes one sample with <paramref name="law"/>.</summary>
    public static byte Encode(G711Law law, short sample) =>
        law == G711Law.MuLaw ? MuLaw.Encode(sample) : ALaw.Encode(sample);

    /// <summary>Decodes one code of <paramref name="law"/>.</summary>
    public static short Decode(G711Law law, byte code) =>
        law == G711Law.MuLaw ? MuLaw.Decode(code) : ALaw.Decode(code);

    /// <summary>Encodes <paramref name="samples"/> with <paramref name="law"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="samples"/>.</exception>
    public static void Encode(G711Law law, ReadOnlySpan<short> samples, Span<byte> destination)
    {
        if (law == G711Law.MuLaw)
        {
            MuLaw.Encode(samples, destination);
        }
        else
        {
            ALaw.Encode(samples, destination);
        }
    }

    /// <summary>Decodes <paramref name="codes"/> of <paramref name="law"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="codes"/>.</exception>
    public static void Decode(G711Law law, ReadOnlySpan<byte> codes, Span<short> destination)
    {
        if (law == G711Law.MuLaw)
        {
            MuLaw.Decode(codes, destination);
        }
        else
        {
            ALaw.Decode(codes, destination);
        }
    }
}
