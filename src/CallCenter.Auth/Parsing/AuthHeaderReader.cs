namespace CallCenter.Auth.Parsing;

/// <summary>
/// Reads a credentials / challenge header value: <c>auth-scheme LWS auth-param *(COMMA auth-param)</c>
/// (RFC 7235 §2.1, RFC 3261 §25.1 "challenge" and "credentials"). Allocation-free except for error
/// texts; never throws.
/// </summary>
/// <remarks>
/// Accepted leniencies, all from the HTTP grammar that SIP borrows: linear whitespace (including
/// folded lines, RFC 3261 §7.3.1) around "=" and ","; empty list elements (RFC 7230 §7); token or
/// quoted-string for every value (RFC 7235 §2.1 and RFC 7616 §3.4 tell
/// recipients to expect both).
/// </remarks>
internal ref struct AuthHeaderReader
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;
    private bool _afterParameter;

    public AuthHeaderReader(ReadOnlySpan<char> text)
    {
        _text = text;
    }

    /// <summary>Reads the auth-scheme and checks it is "Digest" (case-insensitive, RFC 7235 §2.1).</summary>
    public bool TryReadDigestScheme(out string error)
    {
        SkipLinearWhitespace();
        int length = HeaderCharacters.TokenLength(_text[_position..]);
        if (length == 0)
        {
            error = "missing authentication scheme";
            return false;
        }

        ReadOnlySpan<char> scheme = _text.Slice(_position, length);
        _position += length;
        if (!scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase))
        {
            error = $"unsupported authentication scheme '{ErrorText.Excerpt(scheme)}', expected 'Digest'";
            return false;
        }

        int afterScheme = _position;
        SkipLinearWhitespace();
        if (_position == afterScheme && _position < _text.Length)
        {
            error = "expected whitespace after the 'Digest' scheme";
            return false;
        }

        error = string.Empty;
        return true;
    }

    /// <summary>Reads the next auth-param, skipping the separator before it.</summary>
    public AuthReadStatus ReadNext(out AuthParameter parameter, out string error)
    {
        parameter = default;
        if (!TrySkipSeparator(out error))
        {
            return AuthReadStatus.Error;
        }

        if (_position >= _text.Length)
        {
            return AuthReadStatus.End;
        }

        int nameLength = HeaderCharacters.TokenLength(_text[_position..]);
        if (nameLength == 0)
        {
            error = $"unexpected {Describe(_text[_position])} at position {_position}, expected a parameter name";
            return AuthReadStatus.Error;
        }

        ReadOnlySpan<char> name = _text.Slice(_position, nameLength);
        _position += nameLength;
        SkipLinearWhitespace();
        if (_position >= _text.Length || _text[_position] != '=')
        {
            error = $"expected '=' after parameter '{ErrorText.Excerpt(name)}'";
            return AuthReadStatus.Error;
        }

        _position++;
        SkipLinearWhitespace();
        if (!TryReadValue(name, out ReadOnlySpan<char> value, out bool needsUnescape, out error))
        {
            return AuthReadStatus.Error;
        }

        parameter = new AuthParameter(name, value, needsUnescape);
        _afterParameter = true;
        return AuthReadStatus.Parameter;
    }

    private bool TrySkipSeparator(out string error)
    {
        SkipLinearWhitespace();
        if (_afterParameter && _position < _text.Length && _text[_position] != ',')
        {
            error = $"unexpected {Describe(_text[_position])} at position {_position}, expected ',' between parameters";
            return false;
        }

        // Empty list elements ("a=1,,b=2" or a trailing comma) are tolerated (RFC 7230 §7).
        while (_position < _text.Length && _text[_position] == ',')
        {
            _position++;
            SkipLinearWhitespace();
        }

        error = string.Empty;
        return true;
    }

    private bool TryReadValue(ReadOnlySpan<char> name, out ReadOnlySpan<char> value, out bool needsUnescape, out string error)
    {
        needsUnescape = false;
        if (_position < _text.Length && _text[_position] == '"')
        {
            return TryReadQuotedString(name, out value, out needsUnescape, out error);
        }

        int length = HeaderCharacters.TokenLength(_text[_position..]);
        if (length == 0)
        {
            value = default;
            error = _position >= _text.Length
                ? $"missing value for parameter '{ErrorText.Excerpt(name)}'"
                : $"unexpected {Describe(_text[_position])} in the value of parameter '{ErrorText.Excerpt(name)}', expected a token or quoted string";
            return false;
        }

        value = _text.Slice(_position, length);
        _position += length;
        error = string.Empty;
        return true;
    }

    // quoted-string = DQUOTE *(qdtext / quoted-pair) DQUOTE (RFC 3261 §25.1, RFC 7230 §3.2.6).
    private bool TryReadQuotedString(ReadOnlySpan<char> name, out ReadOnlySpan<char> value, out bool needsUnescape, out string error)
    {
        int start = ++_position;
        needsUnescape = false;
        value = default;
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c == '"')
            {
                value = _text[start.._position];
                _position++;
                error = string.Empty;
                return true;
            }

            if (c == '\\')
            {
                if (_position + 1 >= _text.Length)
                {
                    break;
                }

                if (HeaderCharacters.IsControl(_text[_position + 1]))
                {
                    error = $"control character escaped in the quoted value of parameter '{ErrorText.Excerpt(name)}'";
                    return false;
                }

                needsUnescape = true;
                _position += 2;
                continue;
            }

            if (HeaderCharacters.IsControl(c))
            {
                int fold = FoldLength(_position);
                if (fold == 0)
                {
                    error = $"control character in the quoted value of parameter '{ErrorText.Excerpt(name)}'";
                    return false;
                }

                needsUnescape = true;
                _position += fold;
                continue;
            }

            _position++;
        }

        error = $"unterminated quoted string in parameter '{ErrorText.Excerpt(name)}'";
        return false;
    }

    // LWS = [*WSP CRLF] 1*WSP (RFC 3261 §25.1): a line break only counts as whitespace when the
    // next line starts with SP or HTAB. A bare LF is accepted in place of CRLF for robustness.
    private void SkipLinearWhitespace()
    {
        while (_position < _text.Length)
        {
            if (HeaderCharacters.IsWhitespace(_text[_position]))
            {
                _position++;
                continue;
            }

            int fold = FoldLength(_position);
            if (fold == 0)
            {
                return;
            }

            _position += fold;
        }
    }

    private int FoldLength(int at)
    {
        int length = 0;
        if (_text[at] == '\r' && at + 1 < _text.Length && _text[at + 1] == '\n')
        {
            length = 2;
        }
        else if (_text[at] == '\n')
        {
            length = 1;
        }

        bool continues = length > 0 && at + length < _text.Length && HeaderCharacters.IsWhitespace(_text[at + length]);
        return continues ? length : 0;
    }

    private static string Describe(char c) =>
        HeaderCharacters.IsControl(c) ? $"control character U+{(int)c:X4}" : $"character '{c}'";
}
