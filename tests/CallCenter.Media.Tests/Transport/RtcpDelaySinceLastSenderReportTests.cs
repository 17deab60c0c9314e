using CallCenter.Media.Rtcp;
using CallCenter.Media.Tests.Transport.Support;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Media.Tests.Transport;

/// <summary>
/// LSR and DLSR (RFC 3550 §6.4.1): the middle 32 bits of the peer's last SR timestamp, and the time since that SR
/// arrived in units of 1/65536 s, measured on the injected clock.
/// </summary>
public class RtcpDelaySinceLastSenderReportTests
{
    private const uint PeerSsrc = 0x5150;

    [Fact]
    public void The_report_block_echoes_the_last_sr_and_the_delay_since_it_arrived()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        using var harness = new MediaTransportHarness(20400, useEpoll: true, time);
        var handler = new RecordingHandler();
        var endpoint = harness.Open(handler);
        var peer = harness.Peer();
        endpoint.Configure(peer.EndPoint, null, MediaTransportHarness.PcmuAndEvents);
        for (ushort sequence = 1; sequence <= 5; sequence++)
        {
            peer.SendRtp(endpoint.LocalRtpEndPoint, sequence, PeerSsrc);
        }

        peer.SendSenderReport(endpoint.LocalRtcpEndPoint, PeerSsrc, 0xE8AB_CDEF_1234_5678);
        Eventually.True(() => handler.Rtp.Count == 5 && handler.Rtcp.Count == 1, "stream and SR delivered");

        time.Advance(TimeSpan.FromMilliseconds(1500));
        Assert.True(endpoint.TryCreateReportBlock(out var block));

        Assert.Equal(0xCDEF_1234u, block.LastSenderReport);
        Assert.Equal((uint)(1.5 * 65536), block.DelaySinceLastSenderReport);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), NtpTime.FromCompact(block.DelaySinceLastSenderReport));
    }

    [Fact]
    public void Before_any_sr_both_fields_are_zero()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        using var harness = new MediaTransportHarness(20400, useEpoll: true, time);
        var handler = new RecordingHandler();
        var endpoint = harness.Open(handler);
        var peer = harness.Peer();
        endpoint.Configure(peer.EndPoint, null, MediaTransportHarness.PcmuAndEvents);
        for (ushort sequence = 1; sequence <= 3; sequence++)
        {
            peer.SendRtp(endpoint.LocalRtpEndPoint, sequence, PeerSsrc);
        }

        Eventually.True(() => handler.Rtp.Count == 3, "stream delivered");
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.True(endpoint.TryCreateReportBlock(out var block));

        Assert.Equal(0u, block.LastSenderReport);
        Assert.Equal(0u, block.DelaySinceLastSenderReport);
    }
}
