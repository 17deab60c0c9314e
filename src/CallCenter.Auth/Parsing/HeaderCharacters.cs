using System.Buffers;

namespace CallCenter.Auth.Parsing;

/// <summary>Character classes of the HTTP / SIP header grammar.</summary>
internal static class HeaderCharacters
{
    // RFC 7230 §3.2.6 tchar. The SIP token alphabet (RFC 3261 §25.1) is a subset of it, so
    // accepting tchar covers both protocols.
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>SP or HTAB (RFC 3261 §25.1 WSP).</summary>
    public static bool IsWhitespace(char c) => c is ' ' or '\t';

    /// <summary>A control character other than HTAB: never allowed inside a header value.</summary>
    public static bool IsControl(char c) => (c < 0x20 && c != '\t') || c == 0x7F;

    /// <summary>Length of the run of token characters at the start of <paramref name="text"/>.</summary>
    public static int TokenLength(ReadOnlySpan<char> text)
    {
        int end = text.IndexOfAnyExcept(TokenChars);
        return end < 0 ? text.Length : end;
    }

    /// <summary>True when <paramref name="text"/> is a non-empty token.</summary>
    public static bool IsToken(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept(TokenChars);

    /// <summary>True when <paramref name="text"/> is non-empty and only hex digits (either case).</summary>
    public static bool IsHex(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExcept(HexDigits);

    /// <summary>True when <paramref name="text"/> contains a character that can never appear in a header value.</summary>
    public static bool ContainsControl(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
