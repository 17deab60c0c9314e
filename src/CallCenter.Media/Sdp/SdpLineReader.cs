namespace CallCenter.Media.Sdp;

/// <summary>One "&lt;type&gt;=&lt;value&gt;" line of a description.</summary>
internal readonly record struct SdpLine(int Number, char Type, string Value);

/// <summary>
/// Cuts SDP text into "&lt;type&gt;=&lt;value&gt;" lines (RFC 4566 §5). Lines end in CRLF; a bare LF is tolerated
/// (RFC 4566 §5 asks parsers to accept it). Empty lines at the very end are ignored (SIP bodies often carry
/// one); an empty line anywhere else, a bare CR or a NUL is an error.
/// </summary>
internal static class SdpLineReader
{
    private const int ExcerptLength = 40;

    /// <summary>Adds the lines of <paramref name="text"/> to <paramref name="lines"/>; returns the first error, or null.</summary>
    public static SdpParseError? Read(string text, List<SdpLine> lines)
    {
        var number = 0;
        var pos = 0;
        int? firstEmptyLine = null;
        while (pos < text.Length)
        {
            number++;
            var end = text.AsSpan(pos).IndexOfAny('\r', '\n');
            var contentEnd = end < 0 ? text.Length : pos + end;
            var next = contentEnd;
            if (end >= 0)
            {
                next = text[contentEnd] == '\n' ? contentEnd + 1
                    : contentEnd + 1 < text.Length && text[contentEnd + 1] == '\n' ? contentEnd + 2
                    : -1;
                if (next < 0)
                {
                    return new SdpParseError(number, "carriage return without a line feed after it");
                }
            }

            if (contentEnd == pos)
            {
                firstEmptyLine ??= number;
            }
            else
            {
                if (firstEmptyLine is { } empty)
                {
                    return new SdpParseError(empty, "empty line inside the description");
                }

                var error = Split(number, text[pos..contentEnd], out var line);
                if (error is not null)
                {
                    return error;
                }

                lines.Add(line);
            }

            pos = next;
        }

        return lines.Count == 0 ? new SdpParseError(1, "the description is empty") : null;
    }

    private static SdpParseError? Split(int number, string content, out SdpLine line)
    {
        line = default;
        if (content.Length < 2 || content[1] != '=')
        {
            return new SdpParseError(number, $"expected '<type>=<value>' but found '{Excerpt(content)}'");
        }

        if (content[0] is < 'a' or > 'z')
        {
            return new SdpParseError(number, $"the type must be one lower-case letter, not '{Excerpt(content[..1])}'");
        }

        if (content.Contains('\0'))
        {
            return new SdpParseError(number, "the line contains a NUL character");
        }

        line = new SdpLine(number, content[0], content[2..]);
        return null;
    }

    /// <summary>The start of a line for an error message, with control characters made visible.</summary>
    internal static string Excerpt(string text)
    {
        var cut = text.Length > ExcerptLength ? text[..ExcerptLength] + "…" : text;
        return string.Concat(cut.Select(c => char.IsControl(c) ? $"\\x{(int)c:X2}" : c.ToString()));
    }
}
