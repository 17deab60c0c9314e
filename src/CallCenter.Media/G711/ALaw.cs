using System.Numerics;

namespace CallCenter.Media.G711;

/// <summary>
/// ITU-T G.711 A-law (PCMA, RFC 3551 §4.5.14): 16-bit linear PCM to 8-bit codes and back,
/// table-driven. Encoding reads a 64K-entry table indexed by the sample itself; decoding
/// reads a 256-entry table. Both tables are built once from the segment algorithm below.
/// </summary>
/// <remarks>
/// <para>
/// G.711 quantises the 13 most significant bits of the sample; the three low bits are ignored.
/// Negative samples take their magnitude as the one's complement (<c>~x</c>), as the ITU-T
/// G.191 reference software does, so <c>x</c> and <c>-1 - x</c> differ only in the sign bit.
/// </para>
/// <para>
/// A-law has no zero level: the smallest codes are 0xD5 (+8) and 0x55 (−8), and 0 encodes to
/// 0xD5. The even bits of every code are inverted for transmission (XOR 0x55). Decoding then
/// re-encoding returns every one of the 256 codes unchanged.
/// </para>
/// </remarks>
public static class ALaw
{
    /// <summary>The code for a zero sample (it decodes to +8).</summary>
    public const byte SilenceCode = 0xD5;

    /// <summary>The largest magnitude a code decodes to (codes 0xAA and 0x2A).</summary>
    public const short MaxDecodedMagnitude = 32256;

    // Bits 0, 2, 4 and 6 are inverted on the line (G.711 §2, "even bits inverted").
    private const int EvenBitInversion = 0x55;

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
        int sign = sample >> 31;                  // -1 for negative samples, else 0
        int magnitude = (sample ^ sign) >> 4;     // one's complement magnitude, 0..2047

        // Segment 0 and 1 share the finest step; from segment 2 the step doubles each time,
        // so the segment is the position of the top bit above bit 3.
        int segment = Math.Max(BitOperations.Log2((uint)magnitude | 1) - 3, 0);
        int step = (magnitude >> Math.Max(segment - 1, 0)) & 0x0F;
        int signBit = sign == 0 ? 0x80 : 0x00;
        return (byte)((signBit | (segment << 4) | step) ^ EvenBitInversion);
    }

    /// <summary>The decoding rule the decoding table is built from: the middle of the code's interval.</summary>
    internal static short DecodeBySegment(byte code)
    {
        int plain = code ^ EvenBitInversion;
        int segment = (plain >> 4) & 0x07;
        int step = plain & 0x0F;

        // Segment 0 has no implied leading one; the others add it (0x100) before scaling.
        // The +8 puts the value in the middle of the step.
        int magnitude = segment == 0
            ? (step << 4) + 8
            : ((step << 4) + 0x108) << (segment - 1);
        return (short)((plain & 0x80) != 0 ? magnitude : -magnitude);
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
