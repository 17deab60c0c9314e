using System.Buffers.Binary;

namespace CallCenter.Media.Rtcp;

/// <summary>
/// One RTCP packet inside a compound packet (RFC 3550 §6.4.1 common header): version, padding, a 5-bit count
/// whose meaning depends on the type, the packet type and the length. A view into the datagram; does not copy.
/// Obtained by enumerating an <see cref="RtcpCompoundPacket"/>, which has already checked the header and length.
/// </summary>
public readonly ref struct RtcpPacket
{
    /// <summary>Length of the common header.</summary>
    public const int HeaderLength = 4;

    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _paddingLength;

    internal RtcpPacket(ReadOnlySpan<byte> bytes, int paddingLength)
    {
        _bytes = bytes;
        _paddingLength = paddingLength;
    }

    /// <summary>The whole packet, header and padding included.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The packet type; compare with <see cref="RtcpPacketType"/>. Unknown types are legal and to be skipped.</summary>
    public byte PacketType => _bytes[1];

    /// <summary>The 5-bit count field: reception report count (SR/RR), source count (SDES/BYE) or subtype (APP).</summary>
    public int Count => _bytes[0] & 0x1F;

    /// <summary>True when the P bit is set.</summary>
    public bool HasPadding => (_bytes[0] & 0x20) != 0;

    /// <summary>Everything after the 4-byte header, without padding.</summary>
    public ReadOnlySpan<byte> Body => _bytes[HeaderLength..(_bytes.Length - _paddingLength)];

    /// <summary>
    /// Reads the packet at the start of <paramref name="data"/>: checks the version, that the length field fits and
    /// the padding count. Returns the packet's total length in <paramref name="length"/>.
    /// </summary>
    internal static RtcpParseError TryReadHeader(ReadOnlySpan<byte> data, out int length, out int paddingLength)
    {
        length = 0;
        paddingLength = 0;
        if (data.Length < HeaderLength)
        {
            return RtcpParseError.TooShort;
        }

        if (data[0] >> 6 != 2)
        {
            return RtcpParseError.UnsupportedVersion;
        }

        // §6.4.1: the length is in 32-bit words minus one, the header included.
        int total = (BinaryPrimitives.ReadUInt16BigEndian(data[2..]) + 1) * 4;
        if (total > data.Length)
        {
            return RtcpParseError.LengthBeyondPacket;
        }

        if ((data[0] & 0x20) != 0)
        {
            int count = data[total - 1];
            if (count == 0 || count > total - HeaderLength)
            {
                return RtcpParseError.InvalidPadding;
            }

            paddingLength = count;
        }

        length = total;
        return RtcpParseError.None;
    }
}
