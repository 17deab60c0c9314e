using System.Text;

namespace CallCenter.Sip.Core;

/// <summary>Just enough of RFC 2046 §5.1 to tell whether a multipart body holds a part of a given type.</summary>
public static partial class UasRequestChecks
{
    /// <summary>
    /// Walks the parts between "--boundary" delimiter lines and reads each part's Content-Type (a part without
    /// one is text/plain, RFC 2046 §5.1.1). Parts of other types are ignored: we act on the SDP and leave the
    /// rest (an ISUP or text part) to whoever understands it. A body that never closes is read to its end.
    /// </summary>
    internal static bool MultipartHasPartOfType(ReadOnlySpan<byte> body, string boundary, string mediaType)
    {
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var position = FindDelimiter(body, delimiter, 0);
        while (position >= 0)
        {
            var afterDelimiter = position + delimiter.Length;
            if (body[afterDelimiter..].StartsWith("--"u8))
            {
                return false;
            }

            // The rest of the delimiter line is transport padding (RFC 2046 §5.1.1); the part starts on the next line.
            var lineEnd = body[afterDelimiter..].IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                return false;
            }

            var partStart = afterDelimiter + lineEnd + 2;
            var next = FindDelimiter(body, delimiter, partStart);
            var partEnd = next < 0 ? body.Length : Math.Max(partStart, next - 2);
            if (PartHasType(body[partStart..partEnd], mediaType))
            {
                return true;
            }

            position = next;
        }

        return false;
    }

    /// <summary>A delimiter starts the body or follows a CRLF.</summary>
    private static int FindDelimiter(ReadOnlySpan<byte> body, ReadOnlySpan<byte> delimiter, int start)
    {
        if (start == 0 && IsDelimiterAt(body, 0, delimiter))
        {
            return 0;
        }

        for (var from = start; from < body.Length;)
        {
            var crlf = body[from..].IndexOf("\r\n"u8);
            if (crlf < 0)
            {
                return -1;
            }

            var candidate = from + crlf + 2;
            if (IsDelimiterAt(body, candidate, delimiter))
            {
                return candidate;
            }

            from = candidate;
        }

        return -1;
    }

    /// <summary>
    /// The delimiter must be followed by "--" (the close), padding or the line end: "--b" is not a delimiter for
    /// a line reading "--bb".
    /// </summary>
    private static bool IsDelimiterAt(ReadOnlySpan<byte> body, int position, ReadOnlySpan<byte> delimiter)
    {
        var rest = body[position..];
        if (!rest.StartsWith(delimiter))
        {
            return false;
        }

        var after = rest[delimiter.Length..];
        return after.IsEmpty || after[0] is (byte)'\r' or (byte)' ' or (byte)'\t' || after.StartsWith("--"u8);
    }

    /// <summary>Reads the part's header lines (up to the empty line) for Content-Type and compares its media type.</summary>
    private static bool PartHasType(ReadOnlySpan<byte> part, string mediaType)
    {
        while (!part.IsEmpty)
        {
            var lineEnd = part.IndexOf("\r\n"u8);
            var line = lineEnd < 0 ? part : part[..lineEnd];
            if (line.IsEmpty)
            {
                return false;
            }

            var colon = line.IndexOf((byte)':');
            if (colon > 0 && Ascii.EqualsIgnoreCase(line[..colon].Trim((byte)' '), "Content-Type"u8))
            {
                var value = line[(colon + 1)..];
                var semicolon = value.IndexOf((byte)';');
                var type = (semicolon < 0 ? value : value[..semicolon]).Trim(" \t"u8);
                return Ascii.EqualsIgnoreCase(type, Encoding.ASCII.GetBytes(mediaType));
            }

            part = lineEnd < 0 ? ReadOnlySpan<byte>.Empty : part[(lineEnd + 2)..];
        }

        return false;
    }
}
