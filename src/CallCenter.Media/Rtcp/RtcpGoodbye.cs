using System.Buffers.Binary;

namespace CallCenter.Media.Rtcp;

/// <summary>A parsed BYE packet (RFC 3550 §6.6): the sources leaving and an optional reason.</summary>
public readonly ref struct RtcpGoodbye
{
    private readonly ReadOnlySpan<byte> _body;

    private RtcpGoodbye(ReadOnlySpan<byte> body, int sourceCount, ReadOnlySpan<byte> reason)
    {
        _body = body;
        SourceCount = sourceCount;
        Reason = reason;
    }

    /// <summary>Number of SSRC/CSRC identifiers (the SC field).</summary>
    public int SourceCount { get; }

    /// <summary>The reason for leaving, UTF-8; empty when none was given.</summary>
    public ReadOnlySpan<byte> Reason { get; }

    /// <summary>The identifier at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside 0..<see cref="SourceCount"/>-1.</exception>
    public uint GetSource(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, SourceCount);
        return BinaryPrimitives.ReadUInt32BigEndian(_body[(4 * index)..]);
    }

    /// <summary>Reads <paramref name="packet"/> as a BYE; never throws.</summary>
    public static bool TryParse(RtcpPacket packet, out RtcpGoodbye goodbye, out RtcpParseError error)
    {
        goodbye = default;
        if (packet.PacketType != (byte)RtcpPacketType.Goodbye)
        {
            error = RtcpParseError.WrongPacketType;
            return false;
        }

        var body = packet.Body;
        int sourcesLength = 4 * packet.Count;
        if (sourcesLength > body.Length)
        {
            error = RtcpParseError.GoodbyeTruncated;
            return false;
        }

        // §6.6: an optional length octet and that many octets of text follow the list, padded to 32 bits.
        var reason = ReadOnlySpan<byte>.Empty;
        if (body.Length > sourcesLength)
        {
            int reasonLength = body[sourcesLength];
            if (sourcesLength + 1 + reasonLength > body.Length)
            {
                error = RtcpParseError.GoodbyeTruncated;
                return false;
            }

            reason = body.Slice(sourcesLength + 1, reasonLength);
        }

        goodbye = new RtcpGoodbye(body, packet.Count, reason);
        error = RtcpParseError.None;
        return true;
    }
}
