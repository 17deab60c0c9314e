using System.Buffers.Binary;

namespace CallCenter.Media.Rtp;

/// <summary>Writes RTP packets (RFC 3550 §5.1) into caller-provided buffers, without allocating.</summary>
public static class RtpPacketWriter
{
    /// <summary>Largest padding a packet can carry: the count is one octet.</summary>
    public const int MaxPaddingLength = 255;

    /// <summary>
    /// Writes the 12-byte fixed header only (no CSRC, extension or padding), for a sender that places the payload at
    /// offset <see cref="RtpPacket.FixedHeaderLength"/> itself. Returns the number of bytes written.
    /// </summary>
    /// <exception cref="ArgumentException">The destination is shorter than 12 bytes or the payload type exceeds 127.</exception>
    public static int WriteHeader(Span<byte> destination, in RtpHeader header)
    {
        if (destination.Length < RtpPacket.FixedHeaderLength)
        {
            throw new ArgumentException("An RTP header needs 12 bytes.", nameof(destination));
        }

        WriteFixedHeader(destination, header, csrcCount: 0, hasExtension: false, hasPadding: false);
        return RtpPacket.FixedHeaderLength;
    }

    /// <summary>Writes a packet with no CSRC, extension or padding; false when <paramref name="destination"/> is too small.</summary>
    /// <exception cref="ArgumentException">The payload type exceeds 127.</exception>
    public static bool TryWrite(Span<byte> destination, in RtpHeader header, ReadOnlySpan<byte> payload, out int bytesWritten) =>
        TryWrite(destination, header, ReadOnlySpan<uint>.Empty, default, payload, 0, out bytesWritten);

    /// <summary>
    /// Writes a complete packet: fixed header, <paramref name="csrcs"/>, optional <paramref name="extension"/>,
    /// <paramref name="payload"/> and <paramref name="paddingLength"/> bytes of padding (zeros ending with the count).
    /// Returns false, writing nothing meaningful, when <paramref name="destination"/> is too small.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// More than 15 CSRCs, a payload type above 127, or a padding length outside 0–255.
    /// </exception>
    public static bool TryWrite(
        Span<byte> destination,
        in RtpHeader header,
        ReadOnlySpan<uint> csrcs,
        RtpHeaderExtension extension,
        ReadOnlySpan<byte> payload,
        int paddingLength,
        out int bytesWritten)
    {
        if (csrcs.Length > RtpPacket.MaxCsrcCount)
        {
            throw new ArgumentException("An RTP packet carries at most 15 CSRCs.", nameof(csrcs));
        }

        if (paddingLength is < 0 or > MaxPaddingLength)
        {
            throw new ArgumentException("RTP padding is 0 to 255 bytes.", nameof(paddingLength));
        }

        int headerLength = RtpPacket.FixedHeaderLength + (4 * csrcs.Length) + extension.Length;
        int total = headerLength + payload.Length + paddingLength;
        bytesWritten = 0;
        if (total > destination.Length)
        {
            return false;
        }

        WriteFixedHeader(destination, header, csrcs.Length, extension.IsPresent, paddingLength > 0);
        int offset = RtpPacket.FixedHeaderLength;
        foreach (uint csrc in csrcs)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], csrc);
            offset += 4;
        }

        if (extension.IsPresent)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], extension.Profile);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(offset + 2)..], (ushort)(extension.Data.Length / 4));
            extension.Data.CopyTo(destination[(offset + RtpPacket.ExtensionHeaderLength)..]);
            offset += extension.Length;
        }

        payload.CopyTo(destination[offset..]);
        offset += payload.Length;
        if (paddingLength > 0)
        {
            destination.Slice(offset, paddingLength - 1).Clear();
            destination[offset + paddingLength - 1] = (byte)paddingLength;
        }

        bytesWritten = total;
        return true;
    }

    private static void WriteFixedHeader(Span<byte> destination, in RtpHeader header, int csrcCount, bool hasExtension, bool hasPadding)
    {
        if (header.PayloadType > RtpHeader.MaxPayloadType)
        {
            throw new ArgumentException("An RTP payload type is 0 to 127.", nameof(header));
        }

        destination[0] = (byte)((RtpPacket.SupportedVersion << 6) | (hasPadding ? 0x20 : 0) | (hasExtension ? 0x10 : 0) | csrcCount);
        destination[1] = (byte)((header.Marker ? 0x80 : 0) | header.PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], header.SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], header.Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], header.Ssrc);
    }
}
