namespace CallCenter.Sip.Transport.Tcp;

/// <summary>
/// The unconsumed bytes of one TCP connection. Starts small (most connections carry small messages) and grows by
/// doubling up to a fixed maximum, which is the largest message the framer can accept, so a peer cannot make it
/// grow without bound.
/// </summary>
internal sealed class StreamReceiveBuffer
{
    private readonly int _maxSize;
    private byte[] _array;
    private int _start;
    private int _end;

    public StreamReceiveBuffer(int initialSize, int maxSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, initialSize);
        _maxSize = maxSize;
        _array = new byte[initialSize];
    }

    /// <summary>Bytes received and not yet consumed.</summary>
    public ReadOnlySpan<byte> Unconsumed => _array.AsSpan(_start, _end - _start);

    /// <summary>Space to receive into; call <see cref="TryMakeRoom"/> before each receive.</summary>
    public Memory<byte> Free => _array.AsMemory(_end);

    /// <summary>Current capacity.</summary>
    public int Capacity => _array.Length;

    /// <summary>Marks <paramref name="count"/> bytes of <see cref="Free"/> as received.</summary>
    public void Commit(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _array.Length - _end);
        _end += count;
    }

    /// <summary>Drops <paramref name="count"/> bytes from the front of <see cref="Unconsumed"/>.</summary>
    public void Consume(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _end - _start);
        _start += count;
        if (_start == _end)
        {
            _start = _end = 0;
        }
    }

    /// <summary>
    /// Moves any unconsumed bytes (the start of a partial message) to the front, then grows if no space is left;
    /// false when the buffer is full at its maximum size.
    /// </summary>
    public bool TryMakeRoom()
    {
        int unconsumed = _end - _start;
        if (_start > 0)
        {
            _array.AsSpan(_start, unconsumed).CopyTo(_array);
            _start = 0;
            _end = unconsumed;
        }

        if (_end < _array.Length)
        {
            return true;
        }

        if (_array.Length >= _maxSize)
        {
            return false;
        }

        var larger = new byte[(int)Math.Min((long)_array.Length * 2, _maxSize)];
        _array.AsSpan(0, unconsumed).CopyTo(larger);
        _array = larger;
        return true;
    }
}
