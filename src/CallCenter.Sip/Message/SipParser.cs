using System.Buffers;
using System.Globalization;
using System.Text;

namespace CallCenter.Sip.Message;

/// <summary>
/// Parses one whole SIP message from bytes (a UDP datagram, or a frame cut from a TCP stream by the
/// transport's framer). It reads the start line, indexes each header line without decoding it, and
/// slices the body by Content-Length. Header values are decoded on demand by <see cref="SipHeaders"/>.
/// It never throws on bad input; see <see cref="SipParseResult"/>.
/// </summary>
public static class SipParser
{
    private const int InitialHeaderCapacity = 16;
    private const string SipVersion = "SIP/2.0";
    private static readonly SearchValues<byte> CrOrLf = SearchValues.Create("\r\n"u8);

    /// <summary>Parses a message. <paramref name="data"/> must stay unchanged while the message is in use.</summary>
    public static SipParseResult Parse(ReadOnlyMemory<byte> data)
    {
        var span = data.Span;
        var pos = 0;

        // RFC 3261 §7.5: CRLFs before the start line are ignored.
        while (pos + 1 < span.Length && span[pos] == '\r' && span[pos + 1] == '\n')
        {
            pos += 2;
        }

        var lineLength = span[pos..].IndexOf("\r\n"u8);
        if (lineLength <= 0)
        {
            return SipParseResult.Fail(lineLength == 0 ? "empty start line" : "no CRLF after the start line");
        }

        var startLine = span.Slice(pos, lineLength);
        var headers = new SipHeaders(data, InitialHeaderCapacity);
        var headerError = IndexHeaders(span, pos + lineLength + 2, headers, out var bodyStart);

        SipMessage message;
        string? error;
        if (startLine.StartsWith("SIP/"u8))
        {
            error = ParseStatusLine(startLine, out var version, out var code, out var reason);
            if (error is not null)
            {
                return SipParseResult.Fail(error);
            }

            message = new SipResponse(code, reason, headers, ReadOnlyMemory<byte>.Empty) { Version = version };
        }
        else
        {
            error = ParseRequestLine(startLine, out var method, out var uri, out var version);
            if (method is null)
            {
                return SipParseResult.Fail(error!);
            }

            message = new SipRequest(method, uri, headers, ReadOnlyMemory<byte>.Empty) { Version = version };
        }

        error ??= headerError;
        if (headerError is not null && headers.Count == 0)
        {
            return new SipParseResult(null, headerError);
        }

        var bodyError = SliceBody(data, bodyStart, headers, out var body);
        message.Body = body;
        return new SipParseResult(message, error ?? bodyError);
    }

    /// <summary>
    /// Indexes header lines from <paramref name="pos"/> until the empty line. A line starting with
    /// SP/HTAB continues the previous header (folding, §7.3.1). Returns an error or null.
    /// </summary>
    private static string? IndexHeaders(ReadOnlySpan<byte> span, int pos, SipHeaders headers, out int bodyStart)
    {
        string? error = null;
        while (true)
        {
            if (pos >= span.Length)
            {
                // A datagram may end right after the last header line; treat that as an empty body.
                bodyStart = span.Length;
                return error;
            }

            var lineLength = span[pos..].IndexOf("\r\n"u8);
            var lineEnd = lineLength < 0 ? span.Length : pos + lineLength;
            if (lineEnd == pos)
            {
                bodyStart = pos + 2;
                return error;
            }

            var line = span[pos..lineEnd];
            if (line.IndexOfAny(CrOrLf) >= 0)
            {
                // §7.3.1 / §25.1: CR and LF only ever appear together, as a line end or inside a fold.
                error ??= "bare CR or LF inside a header line";
            }
            else if (line[0] is (byte)' ' or (byte)'\t')
            {
                if (headers.Count == 0)
                {
                    error ??= "continuation line before the first header";
                }
                else
                {
                    headers.ExtendLastValue(TrimEnd(span, pos, lineEnd));
                }
            }
            else
            {
                error ??= IndexHeaderLine(span, pos, lineEnd, headers);
            }

            pos = lineEnd + 2;
        }
    }

    private static string? IndexHeaderLine(ReadOnlySpan<byte> span, int pos, int lineEnd, SipHeaders headers)
    {
        var nameEnd = pos;
        while (nameEnd < lineEnd && SipSyntax.IsTokenByte(span[nameEnd]))
        {
            nameEnd++;
        }

        var colon = nameEnd;
        while (colon < lineEnd && span[colon] is (byte)' ' or (byte)'\t')
        {
            colon++;
        }

        if (nameEnd == pos || colon >= lineEnd || span[colon] != ':')
        {
            return nameEnd == pos ? "header line does not start with a header name" : "header line without ':'";
        }

        var valueStart = colon + 1;
        while (valueStart < lineEnd && span[valueStart] is (byte)' ' or (byte)'\t')
        {
            valueStart++;
        }

        var id = HeaderNames.Lookup(span[pos..nameEnd]);
        headers.AddFromSource(HeaderField.FromSource(id, pos, nameEnd - pos, valueStart, TrimEnd(span, valueStart, lineEnd) - valueStart));
        return null;
    }

    /// <summary>Moves a value's end back over trailing white space.</summary>
    private static int TrimEnd(ReadOnlySpan<byte> span, int start, int end)
    {
        while (end > start && span[end - 1] is (byte)' ' or (byte)'\t')
        {
            end--;
        }

        return end;
    }

    /// <summary>
    /// Applies Content-Length (§18.3, §20.14): a body shorter than announced is an error; extra bytes
    /// in a datagram are discarded. Without Content-Length the body runs to the end of the datagram.
    /// </summary>
    private static string? SliceBody(ReadOnlyMemory<byte> data, int bodyStart, SipHeaders headers, out ReadOnlyMemory<byte> body)
    {
        var available = Math.Max(0, data.Length - bodyStart);
        body = data.Slice(Math.Min(bodyStart, data.Length), available);
        long? contentLength = null;
        for (var i = headers.IndexOf(KnownHeader.ContentLength); i >= 0; i = headers.IndexOf(KnownHeader.ContentLength, i + 1))
        {
            var raw = headers.RawValueAt(i);
            if (raw.IsEmpty || raw.Length > 10 || raw.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0
                || !long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return "Content-Length is not a non-negative number";
            }

            if (contentLength is { } previous && previous != value)
            {
                return "conflicting Content-Length headers";
            }

            contentLength = value;
        }

        if (contentLength is { } length)
        {
            if (length > available)
            {
                return $"Content-Length {length} is larger than the {available}-byte body received";
            }

            body = body[..(int)length];
        }

        return null;
    }

    /// <summary>Request-Line = Method SP Request-URI SP SIP-Version (§7.1): exactly one SP each.</summary>
    private static string? ParseRequestLine(ReadOnlySpan<byte> line, out string? method, out string uri, out string version)
    {
        method = null;
        uri = string.Empty;
        version = "SIP/2.0";
        var firstSpace = line.IndexOf((byte)' ');
        if (firstSpace <= 0)
        {
            return "malformed request line";
        }

        var methodBytes = line[..firstSpace];
        foreach (var b in methodBytes)
        {
            if (!SipSyntax.IsTokenByte(b))
            {
                return "method is not a token";
            }
        }

        // From here on the method is known, so even a malformed line yields a request that can be answered with 400.
        method = SipMethods.Intern(methodBytes);
        var rest = line[(firstSpace + 1)..];
        var secondSpace = rest.IndexOf((byte)' ');
        if (secondSpace <= 0)
        {
            uri = Encoding.UTF8.GetString(rest);
            return secondSpace == 0
                ? "request line elements must be separated by single spaces"
                : "request line has no SIP version";
        }

        var uriBytes = rest[..secondSpace];
        var versionBytes = rest[(secondSpace + 1)..];
        uri = Encoding.UTF8.GetString(uriBytes);
        version = VersionText(versionBytes);
        return CheckRequestLineTail(uriBytes, versionBytes);
    }

    /// <summary>
    /// The RFC 4475 §3.1.2.7–10 cases: brackets or white space inside the Request-URI, extra spaces between the
    /// elements, spaces after the version. Each is told apart so the 400 says which.
    /// </summary>
    private static string? CheckRequestLineTail(ReadOnlySpan<byte> uriBytes, ReadOnlySpan<byte> versionBytes)
    {
        if (uriBytes.IndexOfAny("\t\r\n<>\""u8) >= 0)
        {
            return "Request-URI contains white space or characters that are not allowed there";
        }

        var versionEnd = versionBytes.IndexOfAny(" \t"u8);
        if (versionEnd < 0)
        {
            return IsVersion(versionBytes) ? null : "malformed SIP version in the request line";
        }

        if (versionEnd > 0 && IsVersion(versionBytes[..versionEnd]) && versionBytes[versionEnd..].IndexOfAnyExcept(" \t"u8) < 0)
        {
            return "white space after the SIP version in the request line";
        }

        return versionEnd == 0
            ? "request line elements must be separated by single spaces"
            : "white space inside the Request-URI, or extra elements in the request line";
    }

    /// <summary>Status-Line = SIP-Version SP Status-Code SP Reason-Phrase (§7.2).</summary>
    private static string? ParseStatusLine(ReadOnlySpan<byte> line, out string version, out int code, out string reason)
    {
        code = 0;
        reason = string.Empty;
        var space = line.IndexOf((byte)' ');
        version = VersionText(space < 0 ? line : line[..space]);
        if (space < 0 || !IsVersion(line[..space]))
        {
            return "malformed status line";
        }

        var rest = line[(space + 1)..];
        var codeEnd = rest.IndexOf((byte)' ');
        var codeBytes = codeEnd < 0 ? rest : rest[..codeEnd];
        if (codeBytes.Length != 3 || codeBytes.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            return "status code is not three digits";
        }

        code = (codeBytes[0] - '0') * 100 + (codeBytes[1] - '0') * 10 + (codeBytes[2] - '0');
        if (code is < 100 or > 699)
        {
            return "status code out of range";
        }

        var reasonBytes = codeEnd < 0 ? ReadOnlySpan<byte>.Empty : rest[(codeEnd + 1)..];
        if (reasonBytes.IndexOfAny(CrOrLf) >= 0)
        {
            // A reason phrase may be copied into a response we send; a stray CR or LF there would split the line.
            return "bare CR or LF inside the reason phrase";
        }

        reason = Encoding.UTF8.GetString(reasonBytes);
        return null;
    }

    /// <summary>The version as text; the usual "SIP/2.0" is shared rather than allocated for every message.</summary>
    private static string VersionText(ReadOnlySpan<byte> bytes) =>
        bytes.SequenceEqual("SIP/2.0"u8) ? SipVersion : Encoding.ASCII.GetString(bytes);

    /// <summary>SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT (case-insensitive literal, §25.1).</summary>
    private static bool IsVersion(ReadOnlySpan<byte> text)
    {
        if (text.Length < 7 || !Ascii.EqualsIgnoreCase(text[..4], "SIP/"u8))
        {
            return false;
        }

        var numbers = text[4..];
        var dot = numbers.IndexOf((byte)'.');
        return dot > 0 && dot < numbers.Length - 1
            && numbers[..dot].IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
            && numbers[(dot + 1)..].IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
    }
}
