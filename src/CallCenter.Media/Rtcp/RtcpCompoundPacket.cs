namespace CallCenter.Media.Rtcp;

/// <summary>
/// A validated compound RTCP datagram (RFC 3550 §6.1). Parsing applies the checks of Appendix A.2: every packet is
/// version 2, the length fields add up exactly to the datagram, only the last packet may be padded, and (unless
/// reduced-size RTCP is accepted, RFC 5506) the first packet is an SR or RR. Enumerate it with <c>foreach</c> to get
/// each <see cref="RtcpPacket"/>; packets of unknown type are returned too and are simply skipped by callers.
/// </summary>
public readonly ref struct RtcpCompoundPacket
{
    private readonly ReadOnlySpan<byte> _bytes;

    private RtcpCompoundPacket(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>The whole datagram.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Validates <paramref name="datagram"/> as a compound RTCP packet; never throws.</summary>
    /// <param name="datagram">The received datagram.</param>
    /// <param name="compound">The validated view on success.</param>
    /// <param name="error">Why the datagram was refused.</param>
    /// <param name="allowReducedSize">Accept a first packet other than SR/RR (RFC 5506 reduced-size RTCP).</param>
    public static bool TryParse(
        ReadOnlySpan<byte> datagram, out RtcpCompoundPacket compound, out RtcpParseError error, bool allowReducedSize = false)
    {
        compound = default;
        error = Validate(datagram, allowReducedSize);
        if (error != RtcpParseError.None)
        {
            return false;
        }

        compound = new RtcpCompoundPacket(datagram);
        return true;
    }

    /// <summary>Enumerates the packets in order.</summary>
    public RtcpPacketEnumerator GetEnumerator() => new(_bytes);

    private static RtcpParseError Validate(ReadOnlySpan<byte> datagram, bool allowReducedSize)
    {
        if (datagram.Length < RtcpPacket.HeaderLength)
        {
            return RtcpParseError.TooShort;
        }

        if (!allowReducedSize && datagram[1] is not ((byte)RtcpPacketType.SenderReport or (byte)RtcpPacketType.ReceiverReport))
        {
            return datagram[0] >> 6 != 2 ? RtcpParseError.UnsupportedVersion : RtcpParseError.FirstPacketNotReport;
        }

        int offset = 0;
        while (offset < datagram.Length)
        {
            var rest = datagram[offset..];
            var error = RtcpPacket.TryReadHeader(rest, out int length, out _);
            if (error != RtcpParseError.None)
            {
                return error;
            }

            bool isLast = offset + length == datagram.Length;
            if (!isLast && (rest[0] & 0x20) != 0)
            {
                return RtcpParseError.PaddingNotLast;
            }

            offset += length;
        }

        return RtcpParseError.None;
    }
}
