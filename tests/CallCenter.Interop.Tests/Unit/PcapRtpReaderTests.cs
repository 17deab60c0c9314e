using System.Buffers.Binary;
using CallCenter.Interop.Tests.Media;
using FsCheck.Xunit;

namespace CallCenter.Interop.Tests.Unit;

public sealed class PcapRtpReaderTests
{
    [Fact]
    public void Reads_rtp_from_ethernet_records_in_order_and_skips_other_udp()
    {
        var file = Pcap(linkType: 1, bigEndian: false,
            Ethernet(Ipv4Udp(Rtp(8, [1, 2, 3]))),
            Ethernet(Ipv4Udp([0x00, 0x01])),
            Ethernet(Ipv4Udp(Rtp(0, [9, 9]))));

        Assert.True(PcapRtpReader.TryRead(file, out var packets, out var error), error);
        Assert.Equal(2, packets.Count);
        Assert.Equal(8, packets[0].PayloadType);
        Assert.Equal(new byte[] { 1, 2, 3 }, packets[0].Payload);
        Assert.Equal(0, packets[1].PayloadType);
        Assert.Equal(new byte[] { 9, 9 }, packets[1].Payload);
    }

    [Fact]
    public void Reads_big_endian_raw_ipv4_captures()
    {
        var file = Pcap(linkType: 101, bigEndian: true, Ipv4Udp(Rtp(8, [7])));

        Assert.True(PcapRtpReader.TryRead(file, out var packets, out var error), error);
        Assert.Equal(new byte[] { 7 }, Assert.Single(packets).Payload);
    }

    [Fact]
    public void Ignores_ethernet_padding_after_the_udp_datagram()
    {
        var frame = Ethernet(Ipv4Udp(Rtp(8, [5, 6]))).Concat(new byte[6]).ToArray();

        Assert.True(PcapRtpReader.TryRead(Pcap(1, false, frame), out var packets, out _));
        Assert.Equal(new byte[] { 5, 6 }, Assert.Single(packets).Payload);
    }

    [Fact]
    public void Rejects_a_file_that_is_not_pcap()
    {
        Assert.False(PcapRtpReader.TryRead(new byte[40], out _, out var error));
        Assert.Contains("not a pcap file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_unsupported_link_type()
    {
        Assert.False(PcapRtpReader.TryRead(Pcap(linkType: 105, bigEndian: false), out _, out var error));
        Assert.Contains("link type 105", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_record_longer_than_the_file()
    {
        var file = Pcap(1, false, Ethernet(Ipv4Udp(Rtp(8, [1]))));

        Assert.False(PcapRtpReader.TryRead(file.AsSpan(0, file.Length - 1), out _, out var error));
        Assert.Contains("past the end", error, StringComparison.Ordinal);
    }

    [Property]
    public bool Never_throws_on_arbitrary_bytes(byte[] tail)
    {
        PcapRtpReader.TryRead(tail ?? [], out _, out _);
        PcapRtpReader.TryRead([.. Pcap(1, false), .. tail ?? []], out _, out _);
        return true;
    }

    private static byte[] Pcap(uint linkType, bool bigEndian, params byte[][] frames)
    {
        var file = new List<byte>();
        void Put32(uint value)
        {
            var bytes = new byte[4];
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
            }

            file.AddRange(bytes);
        }

        // Magic, version 2.4 (two 16-bit fields, written as one 32-bit value in the file's order), zone, accuracy, snaplen, link type.
        Put32(0xA1B2C3D4);
        Put32(bigEndian ? 0x00020004u : 0x00040002u);
        Put32(0);
        Put32(0);
        Put32(65535);
        Put32(linkType);
        foreach (var frame in frames)
        {
            Put32(0);
            Put32(0);
            Put32((uint)frame.Length);
            Put32((uint)frame.Length);
            file.AddRange(frame);
        }

        return [.. file];
    }

    private static byte[] Ethernet(byte[] ip) => [.. new byte[12], 0x08, 0x00, .. ip];

    private static byte[] Ipv4Udp(byte[] payload)
    {
        var udpLength = (ushort)(8 + payload.Length);
        var ip = new byte[20 + udpLength];
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(2), (ushort)ip.Length);
        ip[8] = 64;
        ip[9] = 17;
        BinaryPrimitives.WriteUInt16BigEndian(ip.AsSpan(24), udpLength);
        payload.CopyTo(ip, 28);
        return ip;
    }

    private static byte[] Rtp(byte payloadType, byte[] payload) =>
        [0x80, payloadType, 0, 1, 0, 0, 0, 160, 0, 0, 0, 42, .. payload];
}
