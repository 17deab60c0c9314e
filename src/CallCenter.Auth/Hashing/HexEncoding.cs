namespace CallCenter.Auth.Hashing;

/// <summary>Lower-case hex conversions into caller-provided spans (no allocation).</summary>
internal static class HexEncoding
{
    private static ReadOnlySpan<byte> LowerDigits => "0123456789abcdef"u8;

    /// <summary>
    /// Writes <paramref name="bytes"/> as lower-case hex ASCII; Digest hashes are always lower-case
    /// hex (RFC 7616 §3.2, RFC 2617 §3.1.3).
    /// </summary>
    public static void WriteLowerAscii(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = LowerDigits[bytes[i] >> 4];
            destination[(2 * i) + 1] = LowerDigits[bytes[i] & 0xF];
        }
    }

    /// <summary>Copies hex text as lower-case ASCII bytes; the caller has validated it is hex.</summary>
    public static void CopyLowerAscii(ReadOnlySpan<char> hex, Span<byte> destination)
    {
        for (int i = 0; i < hex.Length; i++)
        {
            destination[i] = (byte)char.ToLowerInvariant(hex[i]);
        }
    }

    /// <summary>Decodes hex text of either case; false for non-hex or a length mismatch.</summary>
    public static bool TryDecode(ReadOnlySpan<char> hex, Span<byte> destination)
    {
        if (hex.Length != destination.Length * 2)
        {
            return false;
        }

        return Convert.FromHexString(hex, destination, out _, out int written) == System.Buffers.OperationStatus.Done
            && written == destination.Length;
    }
}
