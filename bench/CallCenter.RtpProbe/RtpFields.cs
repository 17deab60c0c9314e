using System.Buffers.Binary;

namespace CallCenter.RtpProbe;

/// <summary>The RTP header fields the probe needs (RFC 3550 §5.1): payload type, sequence number, timestamp, SSRC.</summary>
public readonly record struct RtpFields(byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc)
{
    /// <summary>Length of the fixed RTP header.</summary>
    public const int HeaderLength = 12;

    /// <summary>
    /// Reads the fixed header; false for anything shorter than 12 bytes or not version 2 (RTCP on the same port,
    /// stray datagrams). Never throws.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> datagram, out RtpFields fields)
    {
        // RFC 3550 §5.1: the first two bits are the version, which is 2. RFC 5761 §4: a second octet of 192-223 is
        // an RTCP packet type (SR, RR, SDES, BYE, APP, feedback) multiplexed on the RTP port, not RTP.
        if (datagram.Length < HeaderLength || datagram[0] >> 6 != 2 || datagram[1] is >= 192 and <= 223)
        {
            fields = default;
            return false;
        }

        byte payloadType = (byte)(datagram[1] & 0x7F);
        fields = new RtpFields(
            payloadType,
            BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(datagram[8..]));
        return true;
    }

    /// <summary>Writes a fixed header (no CSRC, no extension, no marker) into the first 12 bytes of <paramref name="destination"/>.</summary>
    public static void Write(Span<byte> destination, byte payloadType, ushort sequenceNumber, uint timestamp, uint ssrc)
    {
        destination[0] = 0x80; // version 2, no padding, no extension, no CSRC
        destination[1] = (byte)(payloadType & 0x7F);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ssrc);
    }
}
