using System.Buffers.Binary;

namespace CallCenter.Media.Rtcp;

/// <summary>
/// Builds a compound RTCP packet (RFC 3550 §6.1) packet by packet into a caller-provided buffer, without allocating.
/// A compound normally starts with an SR or RR and carries an SDES CNAME. Each write either appends a whole packet
/// or, when the buffer is too small, returns false and leaves what was written so far unchanged.
/// </summary>
public ref struct RtcpCompoundWriter
{
    /// <summary>Most report blocks one SR or RR can carry (5-bit RC field); more go into further RR packets.</summary>
    public const int MaxReportBlocks = 31;

    /// <summary>Most octets of SDES item text or BYE reason (8-bit length field).</summary>
    public const int MaxTextLength = 255;

    private readonly Span<byte> _destination;
    private int _length;

    /// <summary>Starts an empty compound packet in <paramref name="destination"/>.</summary>
    public RtcpCompoundWriter(Span<byte> destination)
    {
        _destination = destination;
        _length = 0;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Length => _length;

    /// <summary>The compound packet written so far.</summary>
    public readonly ReadOnlySpan<byte> WrittenBytes => _destination[.._length];

    /// <summary>Appends an SR with the given sender information and report blocks.</summary>
    /// <exception cref="ArgumentException">More than 31 report blocks.</exception>
    public bool TryWriteSenderReport(uint ssrc, in RtcpSenderInfo senderInfo, scoped ReadOnlySpan<RtcpReportBlock> blocks)
    {
        CheckBlockCount(blocks);
        int length = 8 + RtcpSenderInfo.Length + (blocks.Length * RtcpReportBlock.Length);
        if (!TryStart(RtcpPacketType.SenderReport, blocks.Length, length, out var packet))
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], ssrc);
        senderInfo.Write(packet[8..]);
        WriteBlocks(packet[(8 + RtcpSenderInfo.Length)..], blocks);
        _length += length;
        return true;
    }

    /// <summary>Appends an RR with the given report blocks (none is valid: "I am here but receive nothing").</summary>
    /// <exception cref="ArgumentException">More than 31 report blocks.</exception>
    public bool TryWriteReceiverReport(uint ssrc, scoped ReadOnlySpan<RtcpReportBlock> blocks)
    {
        CheckBlockCount(blocks);
        int length = 8 + (blocks.Length * RtcpReportBlock.Length);
        if (!TryStart(RtcpPacketType.ReceiverReport, blocks.Length, length, out var packet))
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], ssrc);
        WriteBlocks(packet[8..], blocks);
        _length += length;
        return true;
    }

    /// <summary>Appends an SDES packet with one chunk carrying the CNAME item of <paramref name="ssrc"/> (§6.5.1).</summary>
    /// <exception cref="ArgumentException">The CNAME is empty or longer than 255 octets.</exception>
    public bool TryWriteCanonicalName(uint ssrc, scoped ReadOnlySpan<byte> canonicalName)
    {
        if (canonicalName.IsEmpty || canonicalName.Length > MaxTextLength)
        {
            throw new ArgumentException("A CNAME is 1 to 255 octets.", nameof(canonicalName));
        }

        // Header, SSRC, item type and length, text, then at least one null octet up to the next 32-bit boundary.
        int length = RoundUpToWord(RtcpPacket.HeaderLength + 4 + 2 + canonicalName.Length + 1);
        if (!TryStart(RtcpPacketType.SourceDescription, 1, length, out var packet))
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], ssrc);
        packet[8] = (byte)SdesItemType.CanonicalName;
        packet[9] = (byte)canonicalName.Length;
        canonicalName.CopyTo(packet[10..]);
        packet[(10 + canonicalName.Length)..].Clear();
        _length += length;
        return true;
    }

    /// <summary>Appends a BYE for <paramref name="sources"/> with an optional <paramref name="reason"/> (§6.6).</summary>
    /// <exception cref="ArgumentException">No source or more than 31, or a reason longer than 255 octets.</exception>
    public bool TryWriteGoodbye(scoped ReadOnlySpan<uint> sources, scoped ReadOnlySpan<byte> reason)
    {
        if (sources.IsEmpty || sources.Length > MaxReportBlocks)
        {
            throw new ArgumentException("A BYE names 1 to 31 sources.", nameof(sources));
        }

        if (reason.Length > MaxTextLength)
        {
            throw new ArgumentException("A BYE reason is at most 255 octets.", nameof(reason));
        }

        int sourcesEnd = RtcpPacket.HeaderLength + (4 * sources.Length);
        int length = reason.IsEmpty ? sourcesEnd : RoundUpToWord(sourcesEnd + 1 + reason.Length);
        if (!TryStart(RtcpPacketType.Goodbye, sources.Length, length, out var packet))
        {
            return false;
        }

        for (int i = 0; i < sources.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(packet[(RtcpPacket.HeaderLength + (4 * i))..], sources[i]);
        }

        if (!reason.IsEmpty)
        {
            packet[sourcesEnd] = (byte)reason.Length;
            reason.CopyTo(packet[(sourcesEnd + 1)..]);
            packet[(sourcesEnd + 1 + reason.Length)..].Clear();
        }

        _length += length;
        return true;
    }

    private static int RoundUpToWord(int length) => (length + 3) & ~3;

    private static void CheckBlockCount(ReadOnlySpan<RtcpReportBlock> blocks)
    {
        if (blocks.Length > MaxReportBlocks)
        {
            throw new ArgumentException("An SR or RR carries at most 31 report blocks.", nameof(blocks));
        }
    }

    private static void WriteBlocks(Span<byte> destination, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        for (int i = 0; i < blocks.Length; i++)
        {
            blocks[i].Write(destination[(i * RtcpReportBlock.Length)..]);
        }
    }

    /// <summary>Reserves <paramref name="length"/> bytes (a multiple of 4) and writes the common header into them.</summary>
    private readonly bool TryStart(RtcpPacketType type, int count, int length, out Span<byte> packet)
    {
        if (_length + length > _destination.Length)
        {
            packet = default;
            return false;
        }

        packet = _destination.Slice(_length, length);
        packet[0] = (byte)((2 << 6) | count);
        packet[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], (ushort)((length / 4) - 1));
        return true;
    }
}
