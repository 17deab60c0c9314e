namespace CallCenter.Media.Rtcp;

/// <summary>Walks the packets of a validated <see cref="RtcpCompoundPacket"/> in order.</summary>
public ref struct RtcpPacketEnumerator
{
    private readonly ReadOnlySpan<byte> _bytes;
    private int _next;
    private RtcpPacket _current;

    internal RtcpPacketEnumerator(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
        _next = 0;
        _current = default;
    }

    /// <summary>The packet the enumerator is on.</summary>
    public readonly RtcpPacket Current => _current;

    /// <summary>Moves to the next packet; false at the end.</summary>
    public bool MoveNext()
    {
        if (_next >= _bytes.Length)
        {
            return false;
        }

        // The compound was validated when it was parsed; the check is repeated so a misuse cannot read out of bounds.
        var rest = _bytes[_next..];
        if (RtcpPacket.TryReadHeader(rest, out int length, out int padding) != RtcpParseError.None)
        {
            _next = _bytes.Length;
            return false;
        }

        _current = new RtcpPacket(rest[..length], padding);
        _next += length;
        return true;
    }
}
