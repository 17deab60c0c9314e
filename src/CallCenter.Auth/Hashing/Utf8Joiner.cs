using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace CallCenter.Auth.Hashing;

/// <summary>
/// Builds a colon-separated hash input (e.g. <c>username:realm:password</c>) as UTF-8 in a caller's
/// stack buffer, renting from the pool only for oversized input. The buffer is wiped on dispose
/// because it may hold a password.
/// </summary>
internal ref struct Utf8Joiner
{
    private Span<byte> _buffer;
    private byte[]? _rented;
    private int _length;

    public Utf8Joiner(Span<byte> initialBuffer)
    {
        _buffer = initialBuffer;
    }

    /// <summary>The bytes written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[.._length];

    /// <summary>Appends text as UTF-8: SIP text is UTF-8 (RFC 3261 §7), as is Digest with charset=UTF-8 (RFC 7616 §4).</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        EnsureCapacity(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, _buffer[_length..]);
    }

    /// <summary>Appends bytes that are already ASCII/UTF-8 (hex digests).</summary>
    public void AppendBytes(ReadOnlySpan<byte> bytes)
    {
        EnsureCapacity(bytes.Length);
        bytes.CopyTo(_buffer[_length..]);
        _length += bytes.Length;
    }

    /// <summary>Appends the ':' separator.</summary>
    public void AppendColon()
    {
        EnsureCapacity(1);
        _buffer[_length++] = (byte)':';
    }

    /// <summary>Wipes the written bytes and returns any pooled buffer.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_buffer[.._length]);
        _length = 0;
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }

    private void EnsureCapacity(int additional)
    {
        if (_length + additional <= _buffer.Length)
        {
            return;
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + additional));
        _buffer[.._length].CopyTo(larger);
        CryptographicOperations.ZeroMemory(_buffer[.._length]);
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
        }

        _rented = larger;
        _buffer = larger;
    }
}
