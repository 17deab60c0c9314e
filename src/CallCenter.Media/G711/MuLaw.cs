using System.Numerics;

namespace CallCenter.Media.G711;

/// <summary>
/// ITU-T G.711 μ-law (PCMU, RFC 3551 §4.5.14): 16-bit linear PCM to 8-bit codes and back,
/// table-driven. Encoding reads a 64K-entry table indexed by the sample itself; decoding
/// reads a 256-entry table. Both tables are built once from the segment algorithm below.
/// </summary>
/// <remarks>
/// <para>
/// G.711 quantises the 14 most significant bits of the sample; the two low bits are ignored.
/// Negative samples take their magnitude as the one's complement (<c>~x</c>), as the ITU-T
/// G.191 reference software does, so <c>x</c> and <c>-1 - x</c> always differ only in the sign
/// bit. (Some widely copied encoders negate instead; they give a code one step apart for
/// about 1 in 130 negative inputs, right at decision boundaries.)
/// </para>
/// <para>
/// Codes are transmitted inverted, so 0xFF is +0 and 0x7F is −0. Both decode to 0, and 0
/// encodes to 0xFF: decoding then re-encoding returns every code unchanged except 0x7F, which
/// becomes 0xFF.
/// </para>
/// </remarks>
public static class MuLaw
{
    /// <summary>The code for a zero sample (+0).</summary>
    public const byte SilenceCode = 0xFF;

    /// <summary>The largest magnitude a code decodes to (codes 0x80 and 0x00).</summary>
    public const short MaxDecodedMagnitude = 32124;

    // The 14-bit magnitude is biased by 33 so that each segment starts at a power of two;
    // the biased value is clipped to 13 bits (G.711 Table 2a, top decision value 8159).
    private const int Bias = 33;
    private const int MaxBiasedMagnitude = 0x1FFF;

    private static readonly byte[] EncodeTable = BuildEncodeTable();
    private static readonly short[] DecodeTable = BuildDecodeTable();

    /// <summary>Encodes one sample.</summary>
    public static byte Encode(short sample) => EncodeTable[(ushort)sample];

    /// <summary>Decodes one code.</summary>
    public static short Decode(byte code) => DecodeTable[code];

    /// <summary>Encodes <paramref name="samples"/> into the first <c>samples.Length</c> bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="samples"/>.</exception>
    public static void Encode(ReadOnlySpan<short> samples, Span<byte> destination) =>
        G711Tables.Encode(EncodeTable, samples, destination);

    /// <summary>Decodes <paramref name="codes"/> into the first <c>codes.Length</c> samples of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="codes"/>.</exception>
    public static void Decode(ReadOnlySpan<byte> codes, Span<short> destination) =>
        G711Tables.Decode(DecodeTable, codes, destination);

    /// <summary>
    /// The segment algorithm the encoding table is built from, without a table (kept for
    /// building and for benchmarking the table against it).
    /// </summary>
    internal static byte EncodeBySegment(short sample)
    {
        int sign = sample >> 31;                       // -1 for negative samples, else 0
        int magnitude = ((sample ^ sign) >> 2) + Bias; // one's complement magnitude, 14-bit, biased
        magnitude = Math.Min(magnitude, MaxBiasedMagnitude);

        // The biased magnitude is at least 33 (bit 5 set), so its top bit gives the segment 0..7.
        int segment = BitOperations.Log2((uint)magnitude) - 5;
        int step = (magnitude >> (segment + 1)) & 0x0F;
        int code = (segment << 4) | step;

        // Sign bit 1 means positive; the seven other bits are inverted for transmission.
        int signBit = sign == 0 ? 0x80 : 0x00;
        return (byte)(signBit | (~code & 0x7F));
    }

    /// <summary>The decoding rule the decoding table is built from: the middle of the code's interval.</summary>
    internal static short DecodeBySegment(byte code)
    {
        int inverted = ~code & 0xFF;
        int segment = (inverted >> 4) & 0x07;
        int step = inverted & 0x0F;

        // Rebuild the biased 16-bit magnitude (bias 33 << 2 = 132) at the middle of the step,
        // then remove the bias.
        int magnitude = (((step << 3) + 132) << segment) - 132;
        return (short)((inverted & 0x80) != 0 ? -magnitude : magnitude);
    }

    private static byte[] BuildEncodeTable()
    {
        var table = new byte[65536];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = EncodeBySegment((short)(ushort)i);
        }

        return table;
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = DecodeBySegment((byte)i);
        }

        return table;
    }
}
