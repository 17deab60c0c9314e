using System.Buffers;

namespace CallCenter.Media.Sdp;

/// <summary>Lexical rules of the RFC 4566 §9 grammar shared by the field and attribute parsers.</summary>
internal static class SdpSyntax
{
    /// <summary>token-char (RFC 4566 §9): visible US-ASCII except the separators.</summary>
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("!#$%&'*+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>Characters no written line may contain: they would end the line or are excluded by byte-string.</summary>
    private static readonly SearchValues<char> LineBreaking = SearchValues.Create("\r\n\0");

    /// <summary>True when <paramref name="text"/> is a non-empty token.</summary>
    public static bool IsToken(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept(TokenChars);

    /// <summary>True when <paramref name="text"/> could not be written on one SDP line.</summary>
    public static bool BreaksLine(ReadOnlySpan<char> text) => text.ContainsAny(LineBreaking);

    /// <summary>
    /// Reads a decimal number made only of ASCII digits (no sign, no spaces) that fits in a ulong.
    /// </summary>
    public static bool TryParseDigits(ReadOnlySpan<char> text, out ulong value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            var digit = (ulong)(c - '0');
            if (value > (ulong.MaxValue - digit) / 10)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    /// <summary>Reads a decimal number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static bool TryParseInt(ReadOnlySpan<char> text, int min, int max, out int value)
    {
        value = 0;
        if (!TryParseDigits(text, out var parsed) || parsed < (ulong)min || parsed > (ulong)max)
        {
            return false;
        }

        value = (int)parsed;
        return true;
    }

    /// <summary>True for RTP-based transports ("RTP/AVP", "RTP/SAVP", "UDP/TLS/RTP/SAVPF"…), whose formats are payload types.</summary>
    public static bool IsRtpProtocol(string protocol) => protocol.Split('/').Contains("RTP", StringComparer.OrdinalIgnoreCase);

    /// <summary>Cuts trailing spaces and tabs, which some peers leave after structured fields.</summary>
    public static string TrimTrailingBlanks(string value) => value.TrimEnd(' ', '\t');

    /// <summary>The address type as written in SDP.</summary>
    public static string ToText(SdpAddressType type) => type == SdpAddressType.Ip6 ? "IP6" : "IP4";

    /// <summary>Reads "IN", ignoring case (ABNF literals are case-insensitive).</summary>
    public static string? CheckNetworkType(string networkType) =>
        string.Equals(networkType, "IN", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"unknown network type '{networkType}' (RFC 4566 defines only IN)";

    /// <summary>Reads "IP4" or "IP6", ignoring case.</summary>
    public static string? ParseAddressType(string text, out SdpAddressType type)
    {
        type = SdpAddressType.Ip4;
        if (string.Equals(text, "IP4", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (string.Equals(text, "IP6", StringComparison.OrdinalIgnoreCase))
        {
            type = SdpAddressType.Ip6;
            return null;
        }

        return $"unknown address type '{text}' (expected IP4 or IP6)";
    }
}
