using System.Buffers.Binary;
using CallCenter.Media.Rtp;

namespace CallCenter.Interop.Tests.Media;

/// <summary>One RTP packet read from a capture file: its payload type and payload.</summary>
public sealed record CapturedRtp(byte PayloadType, byte[] Payload);

/// <summary>
/// Reads the RTP packets out of a classic libpcap capture (the format of sipp's shipped audio, e.g.
/// <c>/usr/share/sip-tester/g711a.pcap</c>): a 24-byte file header, then per packet a 16-byte record header and the
/// captured bytes. Handles both byte orders and the Ethernet (1) and raw IPv4 (101, 228) link types, IPv4 over UDP
/// only, which is what such files hold. Never throws on bad input: a malformed file gives an error text.
/// </summary>
public static class PcapRtpReader
{
    private const uint MagicMicroseconds = 0xA1B2C3D4;
    private const uint MagicNanoseconds = 0xA1B23C4D;
    private const int FileHeaderLength = 24;
    private const int RecordHeaderLength = 16;
    private const int EthernetHeaderLength = 14;
    private const ushort EtherTypeIPv4 = 0x0800;
    private const int UdpHeaderLength = 8;
    private const byte ProtocolUdp = 17;

    /// <summary>The RTP packets of <paramref name="file"/> in capture order; non-RTP and non-UDP records are skipped.</summary>
    public static bool TryRead(ReadOnlySpan<byte> file, out IReadOnlyList<CapturedRtp> packets, out string? error)
    {
        var found = new List<CapturedRtp>();
        packets = found;
        if (file.Length < FileHeaderLength)
        {
            error = "shorter than a pcap file header";
            return false;
        }

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(file);
        bool littleEndian;
        if (magic is MagicMicroseconds or MagicNanoseconds)
        {
            littleEndian = true;
        }
        else if (BinaryPrimitives.ReverseEndianness(magic) is MagicMicroseconds or MagicNanoseconds)
        {
            littleEndian = false;
        }
        else
        {
            error = $"not a pcap file (magic 0x{magic:X8})";
            return false;
        }

        var linkType = ReadUInt32(file[20..], littleEndian);
        if (linkType is not (1 or 101 or 228))
        {
            error = $"link type {linkType} is not Ethernet or raw IPv4";
            return false;
        }

        var offset = FileHeaderLength;
        while (offset < file.Length)
        {
            if (file.Length - offset < RecordHeaderLength)
            {
                error = $"truncated record header at byte {offset}";
                return false;
            }

            var captured = ReadUInt32(file[(offset + 8)..], littleEndian);
            offset += RecordHeaderLength;
            if (captured > (uint)(file.Length - offset))
            {
                error = $"record at byte {offset - RecordHeaderLength} claims {captured} bytes, past the end of the file";
                return false;
            }

            var frame = file.Slice(offset, (int)captured);
            offset += (int)captured;
            if (TryUdpPayload(linkType == 1 ? EthernetPayload(frame) : frame, out var datagram)
                && RtpPacket.TryParse(datagram, out var rtp))
            {
                found.Add(new CapturedRtp(rtp.PayloadType, rtp.Payload.ToArray()));
            }
        }

        error = null;
        return true;
    }

    private static ReadOnlySpan<byte> EthernetPayload(ReadOnlySpan<byte> frame) =>
        frame.Length >= EthernetHeaderLength && BinaryPrimitives.ReadUInt16BigEndian(frame[12..]) == EtherTypeIPv4
            ? frame[EthernetHeaderLength..]
            : [];

    // IPv4 (RFC 791 §3.1): version 4, header length in 32-bit words, protocol 17 = UDP; then the 8-byte UDP header
    // (RFC 768), whose length field bounds the datagram (frames may carry Ethernet padding after it).
    private static bool TryUdpPayload(ReadOnlySpan<byte> ip, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        if (ip.Length < 20 || ip[0] >> 4 != 4 || ip[9] != ProtocolUdp)
        {
            return false;
        }

        var headerLength = (ip[0] & 0x0F) * 4;
        if (headerLength < 20 || ip.Length < headerLength + UdpHeaderLength)
        {
            return false;
        }

        var udp = ip[headerLength..];
        var udpLength = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
        if (udpLength < UdpHeaderLength || udpLength > udp.Length)
        {
            return false;
        }

        payload = udp[UdpHeaderLength..udpLength];
        return true;
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> bytes, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);
}
