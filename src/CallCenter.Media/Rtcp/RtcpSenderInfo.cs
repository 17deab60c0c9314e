using System.Buffers.Binary;

namespace CallCenter.Media.Rtcp;

/// <summary>The sender information section of an SR (RFC 3550 §6.4.1).</summary>
/// <param name="NtpTimestamp">Wallclock time of the report, 64-bit NTP format (see <see cref="NtpTime"/>).</param>
/// <param name="RtpTimestamp">The same instant in the stream's RTP timestamp units.</param>
/// <param name="PacketCount">RTP data packets sent since the stream started (wraps at 2^32).</param>
/// <param name="OctetCount">RTP payload octets sent since the stream started (wraps at 2^32).</param>
public readonly record struct RtcpSenderInfo(ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount)
{
    /// <summary>Size of the section on the wire.</summary>
    public const int Length = 20;

    internal static RtcpSenderInfo Read(ReadOnlySpan<byte> source) => new(
        BinaryPrimitives.ReadUInt64BigEndian(source),
        BinaryPrimitives.ReadUInt32BigEndian(source[8..]),
        BinaryPrimitives.ReadUInt32BigEndian(source[12..]),
        BinaryPrimitives.ReadUInt32BigEndian(source[16..]));

    internal void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, NtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], RtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], PacketCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], OctetCount);
    }
}
