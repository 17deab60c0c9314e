namespace CallCenter.Media.G711;

/// <summary>
/// Direct PCMU ↔ PCMA conversion for relaying a call between legs that chose different laws,
/// without going through linear PCM: one 256-entry table each way.
/// </summary>
/// <remarks>
/// Each table entry is exactly "decode with one law, encode with the other"
/// (<c>ALaw.Encode(MuLaw.Decode(c))</c> and back). Conversion is lossy both ways: A-law is
/// coarser near zero and μ-law is coarser in the middle segments, so some codes do not survive
/// a round trip (16 of 256 in each direction).
/// </remarks>
public static class G711Transcoder
{
    private static readonly byte[] MuLawToALawTable = BuildMuLawToALaw();
    private static readonly byte[] ALawToMuLawTable = BuildALawToMuLaw();

    /// <summary>Converts one μ-law code to A-law.</summary>
    public static byte MuLawToALaw(byte code) => MuLawToALawTable[code];

    /// <summary>Converts one A-law code to μ-law.</summary>
    public static byte ALawToMuLaw(byte code) => ALawToMuLawTable[code];

    /// <summary>Converts μ-law <paramref name="codes"/> into the first <c>codes.Length</c> bytes of <paramref name="destination"/>.</summary>
    /// <remarks><paramref name="destination"/> may be the same memory as <paramref name="codes"/> (in-place conversion).</remarks>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="codes"/>.</exception>
    public static void MuLawToALaw(ReadOnlySpan<byte> codes, Span<byte> destination) =>
        G711Tables.Map(MuLawToALawTable, codes, destination);

    /// <summary>Converts A-law <paramref name="codes"/> into the first <c>codes.Length</c> bytes of <paramref name="destination"/>.</summary>
    /// <remarks><paramref name="destination"/> may be the same memory as <paramref name="codes"/> (in-place conversion).</remarks>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="codes"/>.</exception>
    public static void ALawToMuLaw(ReadOnlySpan<byte> codes, Span<byte> destination) =>
        G711Tables.Map(ALawToMuLawTable, codes, destination);

    /// <summary>Converts codes of law <paramref name="from"/> to law <paramref name="to"/>; copies when they are the same law.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="codes"/>.</exception>
    public static void Convert(G711Law from, G711Law to, ReadOnlySpan<byte> codes, Span<byte> destination)
    {
        switch ((from, to))
        {
            case (G711Law.MuLaw, G711Law.MuLaw) or (G711Law.ALaw, G711Law.ALaw):
                if (destination.Length < codes.Length)
                {
                    throw new ArgumentException(
                        $"The destination holds {destination.Length} codes but {codes.Length} were given.", nameof(destination));
                }

                codes.CopyTo(destination);
                break;
            case (G711Law.MuLaw, G711Law.ALaw):
                MuLawToALaw(codes, destination);
                break;
            case (G711Law.ALaw, G711Law.MuLaw):
                ALawToMuLaw(codes, destination);
                break;
            default:
                throw G711Codec.UnknownLaw(Enum.IsDefined(from) ? to : from);
        }
    }

    private static byte[] BuildMuLawToALaw()
    {
        var table = new byte[256];
        for (int code = 0; code < table.Length; code++)
        {
            table[code] = ALaw.Encode(MuLaw.Decode((byte)code));
        }

        return table;
    }

    private static byte[] BuildALawToMuLaw()
    {
        var table = new byte[256];
        for (int code = 0; code < table.Length; code++)
        {
            table[code] = MuLaw.Encode(ALaw.Decode((byte)code));
        }

        return table;
    }
}
