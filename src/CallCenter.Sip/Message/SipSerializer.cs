using System.Globalization;
using System.Text;

namespace CallCenter.Sip.Message;

/// <summary>
/// Writes a message to wire bytes in one exactly-sized array. Header lines still pointing into the
/// received bytes are copied verbatim; Content-Length is always written last from the actual body,
/// so a message can never announce a length it does not carry (§20.14).
/// </summary>
public static class SipSerializer
{
    private static readonly byte[] ColonSpace = ": "u8.ToArray();
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();
    private static readonly byte[] ContentLengthPrefix = "Content-Length: "u8.ToArray();

    /// <summary>Serialises a message.</summary>
    public static byte[] Serialize(SipMessage message)
    {
        var startLine = new StringBuilder(96);
        message.WriteStartLine(startLine);
        var startLineText = startLine.ToString();
        var headers = message.Headers;
        Span<char> lengthDigits = stackalloc char[11];
        message.Body.Length.TryFormat(lengthDigits, out var lengthDigitCount, provider: CultureInfo.InvariantCulture);
        lengthDigits = lengthDigits[..lengthDigitCount];

        var size = Encoding.UTF8.GetByteCount(startLineText);
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers.IdAt(i) != KnownHeader.ContentLength)
            {
                size += NameLength(headers, i) + ColonSpace.Length + ValueLength(headers, i) + Crlf.Length;
            }
        }

        size += ContentLengthPrefix.Length + lengthDigits.Length + Crlf.Length + Crlf.Length + message.Body.Length;

        var output = new byte[size];
        var span = output.AsSpan();
        var pos = Encoding.UTF8.GetBytes(startLineText, span);
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers.IdAt(i) == KnownHeader.ContentLength)
            {
                continue;
            }

            pos += WriteName(headers, i, span[pos..]);
            pos += Copy(ColonSpace, span[pos..]);
            pos += WriteValue(headers, i, span[pos..]);
            pos += Copy(Crlf, span[pos..]);
        }

        pos += Copy(ContentLengthPrefix, span[pos..]);
        pos += Encoding.ASCII.GetBytes(lengthDigits, span[pos..]);
        pos += Copy(Crlf, span[pos..]);
        pos += Copy(Crlf, span[pos..]);
        message.Body.Span.CopyTo(span[pos..]);
        return output;
    }

    private static int NameLength(SipHeaders headers, int i)
    {
        ref var field = ref headers.FieldAt(i);
        return field.Id != KnownHeader.Unknown
            ? HeaderNames.Canonical(field.Id).Length
            : field.IsFromSource ? field.NameLength : Encoding.UTF8.GetByteCount(field.Name!);
    }

    private static int WriteName(SipHeaders headers, int i, Span<byte> destination)
    {
        ref var field = ref headers.FieldAt(i);
        if (field.Id != KnownHeader.Unknown)
        {
            return Encoding.ASCII.GetBytes(HeaderNames.Canonical(field.Id), destination);
        }

        return field.IsFromSource
            ? Copy(headers.Source.Span.Slice(field.NameStart, field.NameLength), destination)
            : Encoding.UTF8.GetBytes(field.Name!, destination);
    }

    private static int ValueLength(SipHeaders headers, int i)
    {
        var raw = headers.RawValueAt(i);
        return !raw.IsEmpty || headers.FieldAt(i).Value is null ? raw.Length : Encoding.UTF8.GetByteCount(headers.FieldAt(i).Value!);
    }

    private static int WriteValue(SipHeaders headers, int i, Span<byte> destination)
    {
        var raw = headers.RawValueAt(i);
        return !raw.IsEmpty || headers.FieldAt(i).Value is null ? Copy(raw, destination) : Encoding.UTF8.GetBytes(headers.FieldAt(i).Value!, destination);
    }

    private static int Copy(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }
}
