namespace CallCenter.Media.G711;

/// <summary>
/// Encodes and decodes with a law chosen at run time (the one negotiated for a call leg).
/// Each call forwards to <see cref="MuLaw"/> or <see cref="ALaw"/>.
/// </summary>
public static class G711Codec
{
    /// <summary>Encodes one sample with <paramref name="law"/>.</summary>
    public static byte Encode(G711Law law, short sample) => law switch
    {
        G711Law.MuLaw => MuLaw.Encode(sample),
        G711Law.ALaw => ALaw.Encode(sample),
        _ => throw UnknownLaw(law),
    };

    /// <summary>Decodes one code of <paramref name="law"/>.</summary>
    public static short Decode(G711Law law, byte code) => law switch
    {
        G711Law.MuLaw => MuLaw.Decode(code),
        G711Law.ALaw => ALaw.Decode(code),
        _ => throw UnknownLaw(law),
    };

    /// <summary>Encodes <paramref name="samples"/> with <paramref name="law"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="samples"/>.</exception>
    public static void Encode(G711Law law, ReadOnlySpan<short> samples, Span<byte> destination)
    {
        switch (law)
        {
            case G711Law.MuLaw:
                MuLaw.Encode(samples, destination);
                break;
            case G711Law.ALaw:
                ALaw.Encode(samples, destination);
                break;
            default:
                throw UnknownLaw(law);
        }
    }

    /// <summary>Decodes <paramref name="codes"/> of <paramref name="law"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="codes"/>.</exception>
    public static void Decode(G711Law law, ReadOnlySpan<byte> codes, Span<short> destination)
    {
        switch (law)
        {
            case G711Law.MuLaw:
                MuLaw.Decode(codes, destination);
                break;
            case G711Law.ALaw:
                ALaw.Decode(codes, destination);
                break;
            default:
                throw UnknownLaw(law);
        }
    }

    internal static ArgumentOutOfRangeException UnknownLaw(G711Law law) =>
        new(nameof(law), law, "Unknown G.711 law.");
}
