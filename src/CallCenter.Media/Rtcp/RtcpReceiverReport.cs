using System.Buffers.Binary;

namespace CallCenter.Media.Rtcp;

/// <summary>A parsed RR packet (RFC 3550 §6.4.2): the reporter's SSRC and its report blocks.</summary>
public readonly ref struct RtcpReceiverReport
{
    private const int BlocksOffset = 4;
    private readonly ReadOnlySpan<byte> _body;

    private RtcpReceiverReport(ReadOnlySpan<byte> body, int reportCount)
    {
        _body = body;
        ReportCount = reportCount;
    }

    /// <summary>SSRC of the sender of this report.</summary>
    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_body);

    /// <summary>Number of report blocks (0–31).</summary>
    public int ReportCount { get; }

    /// <summary>The profile-specific extension after the report blocks; empty when there is none.</summary>
    public ReadOnlySpan<byte> ProfileExtension => _body[(BlocksOffset + (ReportCount * RtcpReportBlock.Length))..];

    /// <summary>The report block at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside 0..<see cref="ReportCount"/>-1.</exception>
    public RtcpReportBlock GetReportBlock(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ReportCount);
        return RtcpReportBlock.Read(_body[(BlocksOffset + (index * RtcpReportBlock.Length))..]);
    }

    /// <summary>Reads <paramref name="packet"/> as an RR; never throws.</summary>
    public static bool TryParse(RtcpPacket packet, out RtcpReceiverReport report, out RtcpParseError error)
    {
        report = default;
        if (packet.PacketType != (byte)RtcpPacketType.ReceiverReport)
        {
            error = RtcpParseError.WrongPacketType;
            return false;
        }

        var body = packet.Body;
        if (body.Length < BlocksOffset)
        {
            error = RtcpParseError.TooShort;
            return false;
        }

        if (BlocksOffset + (packet.Count * RtcpReportBlock.Length) > body.Length)
        {
            error = RtcpParseError.ReportBlocksTruncated;
            return false;
        }

        report = new RtcpReceiverReport(body, packet.Count);
        error = RtcpParseError.None;
        return true;
    }
}
