using CallCenter.Media.Rtcp;
using CallCenter.Media.Rtp;

namespace CallCenter.Media.Tests.Rtp;

/// <summary>The sender side of an SR (RFC 3550 §6.4.1): counts, and the RTP timestamp of the report's instant.</summary>
public class RtpSendStatisticsTests
{
    private const long Frequency = 1_000_000; // microsecond ticks

    [Fact]
    public void Counts_packets_payload_octets_and_wire_bytes()
    {
        var sent = new RtpSendStatistics(8000, Frequency);
        Assert.False(sent.HasSent);

        sent.Record(1000, payloadLength: 160, packetLength: 172, sentAt: 0);
        sent.Record(1160, payloadLength: 160, packetLength: 172, sentAt: 20_000);
        sent.Record(1320, payloadLength: 80, packetLength: 92, sentAt: 40_000);

        Assert.True(sent.HasSent);
        Assert.Equal(3, sent.PacketCount);
        Assert.Equal(400, sent.PayloadOctets);
        Assert.Equal(436, sent.ByteCount);
    }

    [Theory]
    [InlineData(0, 1320u)]
    [InlineData(20_000, 1480u)] // 20 ms on: 160 samples
    [InlineData(1_000_000, 9320u)] // one second on: 8000 samples
    [InlineData(1_000_062, 9320u)] // 62 µs is less than one 125 µs sample
    [InlineData(1_000_125, 9321u)]
    public void The_rtp_timestamp_of_an_instant_follows_the_last_packet_at_the_clock_rate(long microsecondsAfterLast, uint expected)
    {
        var sent = new RtpSendStatistics(8000, Frequency);
        sent.Record(1320, 160, 172, sentAt: 5_000_000);

        Assert.Equal(expected, sent.RtpTimestampAt(5_000_000 + microsecondsAfterLast));
    }

    [Fact]
    public void The_rtp_timestamp_wraps_modulo_2_to_the_32()
    {
        var sent = new RtpSendStatistics(8000, Frequency);
        sent.Record(uint.MaxValue - 99, 160, 172, sentAt: 0);

        Assert.Equal(60u, sent.RtpTimestampAt(20_000));
    }

    [Fact]
    public void An_instant_before_the_last_packet_maps_to_its_timestamp()
    {
        var sent = new RtpSendStatistics(8000, Frequency);
        sent.Record(5000, 160, 172, sentAt: 100_000);

        Assert.Equal(5000u, sent.RtpTimestampAt(50_000));
    }

    [Fact]
    public void Sender_info_carries_the_ntp_time_the_mapped_timestamp_and_the_counts()
    {
        var sent = new RtpSendStatistics(8000, Frequency);
        for (uint i = 0; i < 10; i++)
        {
            sent.Record(160 * i, 160, 172, sentAt: 20_000 * i);
        }

        var info = sent.CreateSenderInfo(0xE8000000_80000000, at: 200_000);

        Assert.Equal(new RtcpSenderInfo(0xE8000000_80000000, 1600, 10, 1600), info);
    }
}
