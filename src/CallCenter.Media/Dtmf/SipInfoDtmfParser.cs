using System.Globalization;
using System.Text;

namespace CallCenter.Media.Dtmf;

/// <summary>
/// Reads DTMF from SIP INFO bodies. There is no RFC for these formats; they are de-facto conventions:
/// <list type="bullet">
/// <item><c>application/dtmf-relay</c> (Cisco's format, the most common): lines of <c>key=value</c>,
/// <c>Signal=5</c> then <c>Duration=160</c> (milliseconds). Keys are matched without regard to case, blanks
/// around <c>=</c> and the value are ignored (<c>Signal= 5</c>), lines may end in CRLF, LF or CR, and other
/// lines are ignored.</item>
/// <item><c>application/dtmf</c>: the body is the key alone, e.g. <c>5</c> or <c>#</c>.</item>
/// </list>
/// A signal is a key character (0–9, *, #, A–D, a–d) or, as some PBXes and gateways send, the key's RFC 4733
/// event number (§3.2): <c>Signal=10</c> is <c>*</c>, <c>11</c> is <c>#</c> and <c>12</c>–<c>15</c> are A–D,
/// because one INFO always carries one key (never "1" then "0"). Asterisk reads it the same way. <c>16</c> and
/// <c>!</c> mean hook flash, which is reported as an error of its own kind rather than a key.
/// An unreadable <c>Duration</c> is ignored rather than losing the key.
/// </summary>
public static class SipInfoDtmfParser
{
    /// <summary>The dtmf-relay media type.</summary>
    public const string DtmfRelayContentType = "application/dtmf-relay";

    /// <summary>The plain dtmf media type.</summary>
    public const string DtmfContentType = "application/dtmf";

    /// <summary>Longest body accepted; real bodies are under 40 bytes.</summary>
    public const int MaxBodyLength = 1024;

    private const int MaxDurationDigits = 9;

    /// <summary>True when the Content-Type (parameters allowed) is one of the two DTMF media types.</summary>
    public static bool IsDtmfContentType(string? contentType) => MediaTypeOf(contentType) is not null;

    /// <summary>Reads a body received as bytes (US-ASCII in practice); never throws.</summary>
    public static bool TryParse(string? contentType, ReadOnlySpan<byte> body, out SipInfoDtmf dtmf, out SipInfoDtmfError error)
    {
        if (body.Length > MaxBodyLength)
        {
            dtmf = null!;
            error = Fail(SipInfoDtmfErrorKind.BodyTooLong, $"DTMF body of {body.Length} bytes exceeds {MaxBodyLength}");
            return false;
        }

        return TryParse(contentType, Encoding.UTF8.GetString(body), out dtmf, out error);
    }

    /// <summary>Reads a body; never throws.</summary>
    public static bool TryParse(string? contentType, string? body, out SipInfoDtmf dtmf, out SipInfoDtmfError error)
    {
        dtmf = null!;
        var mediaType = MediaTypeOf(contentType);
        if (mediaType is null)
        {
            error = Fail(SipInfoDtmfErrorKind.UnsupportedContentType, $"Content-Type '{Shorten(contentType, 64)}' is not {DtmfRelayContentType} or {DtmfContentType}");
            return false;
        }

        body ??= string.Empty;
        if (body.Length > MaxBodyLength)
        {
            error = Fail(SipInfoDtmfErrorKind.BodyTooLong, $"DTMF body of {body.Length} characters exceeds {MaxBodyLength}");
            return false;
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            error = Fail(SipInfoDtmfErrorKind.EmptyBody, "DTMF body is empty");
            return false;
        }

        return mediaType == DtmfContentType
            ? TryParsePlain(body, out dtmf, out error)
            : TryParseRelay(body, out dtmf, out error);
    }

    private static bool TryParsePlain(string body, out SipInfoDtmf dtmf, out SipInfoDtmfError error)
    {
        dtmf = null!;
        if (!TryParseSignal(body.AsSpan().Trim(), out var digit, out error))
        {
            return false;
        }

        dtmf = new SipInfoDtmf(digit, null);
        return true;
    }

    private static bool TryParseRelay(string body, out SipInfoDtmf dtmf, out SipInfoDtmfError error)
    {
        dtmf = null!;
        char? signal = null;
        TimeSpan? duration = null;
        foreach (var rawLine in body.AsSpan().EnumerateLines())
        {
            var equals = rawLine.IndexOf('=');
            if (equals < 0)
            {
                continue;
            }

            var key = rawLine[..equals].Trim();
            var value = rawLine[(equals + 1)..].Trim();
            if (key.Equals("Signal", StringComparison.OrdinalIgnoreCase))
            {
                if (!TryParseSignal(value, out var digit, out error))
                {
                    return false;
                }

                if (signal is { } earlier && earlier != digit)
                {
                    error = Fail(SipInfoDtmfErrorKind.ConflictingSignals, $"dtmf-relay body names two keys, '{earlier}' and '{digit}'");
                    return false;
                }

                signal = digit;
            }
            else if (key.Equals("Duration", StringComparison.OrdinalIgnoreCase) && TryParseMilliseconds(value, out var ms))
            {
                duration = ms;
            }
        }

        if (signal is not { } parsedSignal)
        {
            error = Fail(SipInfoDtmfErrorKind.MissingSignal, "dtmf-relay body has no Signal line");
            return false;
        }

        dtmf = new SipInfoDtmf(parsedSignal, duration);
        error = default;
        return true;
    }

    private static bool TryParseSignal(ReadOnlySpan<char> value, out char digit, out SipInfoDtmfError error)
    {
        error = default;
        if (value.Length == 1 && DtmfDigits.TryToEventCode(value[0], out var code))
        {
            digit = DtmfDigits.All[code];
            return true;
        }

        // Event numbers as some PBXes send them (RFC 4733 §3.2 numbering): 10 = *, 11 = #, 12-15 = A-D.
        if (value.Length == 2 && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[1]))
        {
            var number = ((value[0] - '0') * 10) + (value[1] - '0');
            if (DtmfDigits.TryFromEventCode(number, out digit))
            {
                return true;
            }

            if (number == 16)
            {
                error = Fail(SipInfoDtmfErrorKind.HookFlash, "signal 16 is a hook flash, not a key");
                return false;
            }
        }

        digit = '\0';
        if (value.SequenceEqual("!"))
        {
            error = Fail(SipInfoDtmfErrorKind.HookFlash, "signal '!' is a hook flash, not a key");
            return false;
        }

        error = Fail(SipInfoDtmfErrorKind.InvalidSignal, $"'{Shorten(value, 16)}' is not a DTMF key (0-9, *, #, A-D or 10-15)");
        return false;
    }

    private static bool TryParseMilliseconds(ReadOnlySpan<char> value, out TimeSpan duration)
    {
        duration = default;
        if (value.IsEmpty || value.Length > MaxDurationDigits || value.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture));
        return true;
    }

    private static string? MediaTypeOf(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        var semicolon = contentType.IndexOf(';');
        var type = (semicolon < 0 ? contentType.AsSpan() : contentType.AsSpan(0, semicolon)).Trim();
        if (type.Equals(DtmfRelayContentType, StringComparison.OrdinalIgnoreCase))
        {
            return DtmfRelayContentType;
        }

        return type.Equals(DtmfContentType, StringComparison.OrdinalIgnoreCase) ? DtmfContentType : null;
    }

    /// <summary>The start of a bad value for an error message, printable only (messages may end up in a Warning header).</summary>
    private static string Shorten(ReadOnlySpan<char> value, int shown)
    {
        var builder = new StringBuilder(shown + 3);
        foreach (var c in value.Length <= shown ? value : value[..shown])
        {
            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return value.Length <= shown ? builder.ToString() : builder.Append("...").ToString();
    }

    private static SipInfoDtmfError Fail(SipInfoDtmfErrorKind kind, string message) => new(kind, message);
}
