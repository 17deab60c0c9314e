using System.Buffers;

namespace CallCenter.Auth.Formatting;

/// <summary>
/// Builds a <c>Digest name="value", name=token, …</c> header value in a stack buffer, growing into
/// pooled arrays only for unusually long values.
/// </summary>
internal ref struct HeaderValueWriter
{
    private Span<char> _buffer;
    private char[]? _rented;
    private int _length;
    private bool _hasParameter;

    public HeaderValueWriter(Span<char> initialBuffer)
    {
        _buffer = initialBuffer;
        Append("Digest ");
    }

    /// <summary>Appends <c>name="value"</c>, escaping '"' and '\' as quoted-pairs (RFC 3261 §25.1).</summary>
    public void AppendQuoted(string name, ReadOnlySpan<char> value)
    {
        AppendName(name);
        Append('"');
        foreach (char c in value)
        {
            if (c is '"' or '\\')
            {
                Append('\\');
            }

            Append(c);
        }

        Append('"');
    }

    /// <summary>Appends <c>name=token</c>; the caller guarantees the value is a token.</summary>
    public void AppendToken(string name, ReadOnlySpan<char> token)
    {
        AppendName(name);
        Append(token);
    }

    /// <summary>Returns the built text and releases any pooled buffer.</summary>
    public string ToStringAndDispose()
    {
        string text = new(_buffer[.._length]);
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }

        return text;
    }

    private void AppendName(string name)
    {
        if (_hasParameter)
        {
            Append(", ");
        }

        _hasParameter = true;
        Append(name);
        Append('=');
    }

    private void Append(ReadOnlySpan<char> text)
    {
        EnsureCapacity(text.Length);
        text.CopyTo(_buffer[_length..]);
        _length += text.Length;
    }

    private void Append(char c)
    {
        EnsureCapacity(1);
        _buffer[_length++] = c;
    }

    private void EnsureCapacity(int additional)
    {
        if (_length + additional <= _buffer.Length)
        {
            return;
        }

        char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + additional));
        _buffer[.._length].CopyTo(larger);
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
        }

        _rented = larger;
        _buffer = larger;
    }
}
