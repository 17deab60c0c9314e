using System.Buffers;

namespace CallCenter.Auth.Parsing;

/// <summary>
/// One auth-param (name "=" value) as a view into the header text. The value is materialised
/// to a string only when asked for, so unused parameters cost nothing.
/// </summary>
internal readonly ref struct AuthParameter
{
    private const int StackUnescapeLimit = 256;

    public AuthParameter(ReadOnlySpan<char> name, ReadOnlySpan<char> rawValue, bool needsUnescape)
    {
        Name = name;
        RawValue = rawValue;
        NeedsUnescape = needsUnescape;
    }

    /// <summary>The parameter name exactly as written.</summary>
    public ReadOnlySpan<char> Name { get; }

    /// <summary>The token, or the quoted-string content between the quotes, still escaped.</summary>
    public ReadOnlySpan<char> RawValue { get; }

    /// <summary>True when the quoted-string contains quoted-pairs or folded line breaks.</summary>
    public bool NeedsUnescape { get; }

    /// <summary>The value with quoted-pairs resolved and line folds removed.</summary>
    public string GetValue() => NeedsUnescape ? Unescape(RawValue) : new string(RawValue);

    /// <summary>The value as a span, allocating only when unescaping is needed.</summary>
    public ReadOnlySpan<char> GetValueSpan() => NeedsUnescape ? Unescape(RawValue) : RawValue;

    // quoted-pair = "\" CHAR stands for the CHAR itself (RFC 7230 §3.2.6, RFC 3261 §25.1);
    // a fold (CRLF followed by whitespace) is equivalent to the whitespace alone (RFC 3261 §7.3.1).
    private static string Unescape(ReadOnlySpan<char> raw)
    {
        char[]? rented = null;
        Span<char> buffer = raw.Length <= StackUnescapeLimit
            ? stackalloc char[StackUnescapeLimit]
            : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        try
        {
            int length = 0;
            for (int i = 0; i < raw.Length; i++)
            {
                char c = raw[i];
                if (c == '\\' && i + 1 < raw.Length)
                {
                    buffer[length++] = raw[++i];
                }
                else if (c is not ('\r' or '\n'))
                {
                    buffer[length++] = c;
                }
            }

            return new string(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
