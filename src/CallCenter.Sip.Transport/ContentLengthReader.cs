using System.Text;

namespace CallCenter.Sip.Transport;

/// <summary>
/// Reads the Content-Length of a header section without parsing anything else (RFC 3261 §20.14, §7.3.1).
/// </summary>
internal static class ContentLengthReader
{
    private static ReadOnlySpan<byte> LongName => "Content-Length"u8;

    private static ReadOnlySpan<byte> CompactName => "l"u8;

    private static ReadOnlySpan<byte> Crlf => "\r\n"u8;

    /// <summary>
    /// Finds the body length declared in <paramref name="headerBlock"/> (start line plus header lines, each ending
    /// in CRLF, without the blank line).
    /// </summary>
    /// <returns>Null on success, otherwise the reason the stream cannot be framed.</returns>
    public static string? Read(ReadOnlySpan<byte> headerBlock, int maxBodyBytes, out int bodyLength)
    {
        bodyLength = 0;
        int found = -1;
        int startLineEnd = headerBlock.IndexOf(Crlf);
        int position = startLineEnd + Crlf.Length;

        while (position < headerBlock.Length)
        {
            int fieldLength = LogicalFieldLength(headerBlock[position..]);
            var field = headerBlock.Slice(position, fieldLength);
            position += fieldLength;

            if (!TrySplit(field, out var name, out var value) || !IsContentLength(name))
            {
                continue;
            }

            string? error = ParseValue(value, maxBodyBytes, out int declared);
            if (error != null)
            {
                return error;
            }

            // Repeating the same value is harmless; two different values leave the body boundary ambiguous.
            if (found >= 0 && found != declared)
            {
                return $"conflicting Content-Length values {found} and {declared}";
            }

            found = declared;
        }

        if (found < 0)
        {
            return "Content-Length is missing (required on stream transports, RFC 3261 §18.3)";
        }

        bodyLength = found;
        return null;
    }

    /// <summary>
    /// Length of one header field including its final CRLF and any folded continuation lines (lines that start
    /// with SP or HTAB continue the previous one, RFC 3261 §7.3.1).
    /// </summary>
    private static int LogicalFieldLength(ReadOnlySpan<byte> rest)
    {
        int length = 0;
        while (true)
        {
            int lineEnd = rest[length..].IndexOf(Crlf);
            if (lineEnd < 0)
            {
                return rest.Length;
            }

            length += lineEnd + Crlf.Length;
            if (length >= rest.Length || (rest[length] != (byte)' ' && rest[length] != (byte)'\t'))
            {
                return length;
            }
        }
    }

    private static bool TrySplit(ReadOnlySpan<byte> field, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        int colon = field.IndexOf((byte)':');
        if (colon < 0)
        {
            name = value = default;
            return false;
        }

        // HCOLON allows whitespace between the name and the colon (RFC 3261 §25.1).
        name = field[..colon].TrimEnd(" \t"u8);
        value = field[(colon + 1)..].Trim(" \t\r\n"u8);
        return true;
    }

    private static bool IsContentLength(ReadOnlySpan<byte> name) =>
        Ascii.EqualsIgnoreCase(name, LongName) || Ascii.EqualsIgnoreCase(name, CompactName);

    private static string? ParseValue(ReadOnlySpan<byte> value, int maxBodyBytes, out int length)
    {
        length = 0;
        if (value.IsEmpty)
        {
            return "Content-Length has no value";
        }

        if (value[0] == (byte)'-')
        {
            return "Content-Length is negative";
        }

        long total = 0;
        foreach (byte b in value)
        {
            if (!char.IsAsciiDigit((char)b))
            {
                return "Content-Length is not a number";
            }

            // Stop accumulating once past the limit so huge digit strings cannot overflow.
            if (total <= maxBodyBytes)
            {
                total = (total * 10) + (b - '0');
            }
        }

        if (total > maxBodyBytes)
        {
            return $"Content-Length exceeds the {maxBodyBytes}-byte body limit";
        }

        length = (int)total;
        return null;
    }
}
