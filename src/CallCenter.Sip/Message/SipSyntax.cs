namespace CallCenter.Sip.Message;

/// <summary>Character classes from the RFC 3261 §25.1 ABNF.</summary>
public static class SipSyntax
{
    /// <summary>token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~").</summary>
    public static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~';

    /// <summary>True when the whole string is a non-empty token.</summary>
    public static bool IsToken(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!IsTokenChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for the byte form of <see cref="IsTokenChar"/>.</summary>
    public static bool IsTokenByte(byte b) => b < 128 && IsTokenChar((char)b);

    /// <summary>SP or HTAB, the white space of LWS once folds are undone.</summary>
    public static bool IsWhite(char c) => c is ' ' or '\t';

    /// <summary>
    /// Reads a quoted-string starting at <paramref name="start"/> (which must be a double quote),
    /// undoing quoted-pairs. Returns the index after the closing quote, or -1 when it never closes.
    /// </summary>
    public static int ReadQuoted(string s, int start, out string content)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = start + 1; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\\')
            {
                if (i + 1 >= s.Length)
                {
                    break;
                }

                builder.Append(s[++i]);
            }
            else if (c == '"')
            {
                content = builder.ToString();
                return i + 1;
            }
            else
            {
                builder.Append(c);
            }
        }

        content = string.Empty;
        return -1;
    }

    /// <summary>Quotes a display name or parameter value when it is not a plain token sequence.</summary>
    public static string QuoteIfNeeded(string value)
    {
        if (value.Length > 0 && value.AsSpan().IndexOfAnyExcept(TokenAndSpace) < 0 && !value.StartsWith(' ') && !value.EndsWith(' '))
        {
            return value;
        }

        return Quote(value);
    }

    /// <summary>Always quotes, escaping backslash and double quote.</summary>
    public static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static readonly System.Buffers.SearchValues<char> TokenAndSpace =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~ ");

    /// <summary>Skips SP/HTAB from <paramref name="i"/>.</summary>
    public static int SkipWhite(string s, int i)
    {
        while (i < s.Length && IsWhite(s[i]))
        {
            i++;
        }

        return i;
    }
}
