using System.Net;
using CallCenter.Media.Rtp;
using CallCenter.Media.Tests.Transport.Support;
using CallCenter.Media.Transport;

namespace CallCenter.Media.Tests.Transport;

/// <summary>Endpoints over real loopback sockets, with both pollers.</summary>
public class RtpEndpointTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Receives_rtp_from_the_peer_and_sends_back_to_it(bool useEpoll)
    {
        using var harness = new MediaTransportHarness(21000, useEpoll);
        var handler = new RecordingHandler();
        var endpoint = harness.Open(handler);
        var peer = harness.Peer();
        endpoint.Configure(peer.EndPoint, new IPEndPoint(IPAddress.Loopback, peer.EndPoint.Port + 1), MediaTransportHarness.PcmuAndEvents);

        for (ushort sequence = 10; sequence < 13; sequence++)
        {
            peer.SendRtp(endpoint.LocalRtpEndPoint, sequence, ssrc: 0xABCD);
        }

        Eventually.True(() => handler.Rtp.Count == 3, "three packets delivered");
        Assert.Equal(new ushort[] { 10, 11, 12 }, handler.Rtp.Select(p => p.Sequence));
        Assert.All(handler.Rtp, p => Assert.Equal((0xABCDu, (byte)0, 160), (p.Ssrc, p.PayloadType, p.PayloadLength)));
        Assert.True(endpoint.IsLatched);
        Assert.Equal(peer.EndPoint, endpoint.RemoteRtpEndPoint);

        Assert.True(endpoint.SendRtp([0x80, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 7]));
        Assert.Equal([0x80, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 7], peer.Receive(Wait));
        Assert.Equal(1, endpoint.Counters.RtpSent);
        Assert.Equal(3, endpoint.Counters.RtpReceived);
        Assert.Equal(endpoint.LocalRtpEndPoint.Port + 1, endpoint.LocalRtcpEndPoint.Port);
        Assert.Equal(0, endpoint.LocalRtpEndPoint.Port % 2);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Latches_to_where_packets_really_come_from_instead_of_the_sdp_address(bool useEpoll)
    {
        using var harness = new MediaTransportHarness(21600, useEpoll);
        var handler = new RecordingHandler();
        var endpoint = harness.Open(handler);
        var sdpAddress = harness.Peer();
        var natted = harness.Peer();
        endpoint.Configure(sdpAddress.EndPoint, null, MediaTransportHarness.PcmuAndEvents);

        // Before any packet arrives, media goes to the SDP address.
        Assert.True(endpoint.SendRtp(new byte[12]));
        Assert.NotNull(sdpAddress.Receive(Wait));

        // The peer's packets come from elsewhere (a NAT): after two in sequence the endpoint follows them.
        natted.SendRtp(endpoint.LocalRtpEndPoint, 500, 77);
        natted.SendRtp(endpoint.LocalRtpEndPoint, 501, 77);
        Eventually.True(() => endpoint.IsLatched, "latched to the NATed source");
        Assert.Equal(natted.EndPoint, endpoint.RemoteRtpEndPoint);
        Assert.Single(handler.Rtp);
        Assert.Equal(1, endpoint.Counters.RtpFromOtherSources);
        Assert.Equal(1, endpoint.Counters.Latches);

        Assert.True(endpoint.SendRtp(new byte[12]));
        Assert.NotNull(natted.Receive(Wait));
        Assert.Null(sdpAddress.Receive(TimeSpan.FromMilliseconds(50)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_flood_from_a_third_address_does_not_steal_the_latch_and_is_counted(bool useEpoll)
    {
        using var harness = new MediaTransportHarness(22200, useEpoll);
        var handler = new RecordingHandler();
        var endpoint = harness.Open(handler);
        var peer = harness.Peer();
        var attacker = harness.Peer();
        endpoint.Configure(peer.EndPoint, null, MediaTransportHarness.PcmuAndEvents);

        peer.SendRtp(endpoint.LocalRtpEndPoint, 1, 0x1111);
        Eventually.True(() => endpoint.IsLatched, "latched to the peer");
        for (int i = 0; i < 300; i++)
        {
            attacker.SendRtp(endpoint.LocalRtpEndPoint, (ushort)(1000 + i), 0x6666);
            if (i % 10 == 0)
            {
                peer.SendRtp(endpoint.LocalRtpEndPoint, (ushort)(2 + (i / 10)), 0x1111);
            }

            if (i % 50 == 49)
            {
                // Let the receiver drain, so the test never depends on the kernel buffer holding a whole burst.
                int sent = i + 1;
                Eventually.True(() => endpoint.Counters.RtpFromOtherSources == sent, $"{sent} flood packets counted");
            }
        }

        Eventually.True(() => endpoint.Counters.RtpReceived == 31, "the peer's packets delivered");
        Assert.All(handler.Rtp, p => Assert.Equal(0x1111u, p.Ssrc));
        Assert.Equal(peer.EndPoint, endpoint.RemoteRtpEndPoint);
        Assert.Equal(1, endpoint.Counters.Latches);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Malformed_packets_and_unnegotiated_payload_types_are_counted_not_delivered(bool useEpoll)
    {
        using var harness = new MediaTransportHarness(22800, useEpoll);
        var handler = new RecordingHandler();
        var endpoint = harness.Open(handler);
        var peer = harness.Peer();
        endpoint.Configure(peer.EndPoint, null, MediaTransportHarness.PcmuAndEvents);

        peer.Send(endpoint.LocalRtpEndPoint, [1, 2, 3]);
        peer.Send(endpoint.LocalRtpEndPoint, [0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
        peer.SendRtp(endpoint.LocalRtpEndPoint, 1, 5, payloadType: 99);
        peer.Send(endpoint.LocalRtcpEndPoint, [0x80, 0xC9, 0x00, 0x09]);
        peer.SendRtp(endpoint.LocalRtpEndPoint, 2, 5, payloadType: 101);

        Eventually.True(() => handler.Rtp.Count == 1, "the telephone-event packet delivered");
        Eventually.True(() => endpoint.Counters.RtcpMalformed == 1, "the bad RTCP counted");
        var counters = endpoint.Counters;
        Assert.Equal(2, counters.RtpMalformed);
        Assert.Equal(1, counters.RtpUnexpectedPayloadType);
        Assert.Equal((byte)101, handler.Rtp.Single().PayloadType);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Rtcp_latches_to_the_source_reporting_with_the_streams_ssrc(bool useEpoll)
    {
        using var harness = new MediaTransportHarness(23400, useEpoll);
        var handler = new RecordingHandler();
        var endpoint = harness.Open(handler);
        var peerRtp = harness.Peer();
        var peerRtcp = harness.Peer();
        var stranger = harness.Peer();
        endpoint.Configure(peerRtp.EndPoint, null, MediaTransportHarness.PcmuAndEvents);
        Assert.False(endpoint.SendRtcp(new byte[8]));
        Assert.Equal(1, endpoint.Counters.SendsWithoutDestination);

        peerRtp.SendRtp(endpoint.LocalRtpEndPoint, 1, 0x2222);
        Eventually.True(() => endpoint.IsLatched, "RTP latched");

        stranger.SendReceiverReport(endpoint.LocalRtcpEndPoint, 0x9999);
        peerRtcp.SendReceiverReport(endpoint.LocalRtcpEndPoint, 0x2222);
        Eventually.True(() => handler.Rtcp.Count == 1, "the peer's RTCP delivered");
        Eventually.True(() => endpoint.Counters.RtcpFromOtherSources == 1, "the stranger's RTCP counted");
        Assert.Equal((byte)201, handler.Rtcp.Single().FirstType);
        Assert.Equal(peerRtcp.EndPoint, endpoint.RemoteRtcpEndPoint);

        Assert.True(endpoint.SendRtcp([0x80, 0xC9, 0x00, 0x01, 0, 0, 0, 1]));
        Assert.NotNull(peerRtcp.Receive(Wait));
        Assert.Equal(1, endpoint.Counters.RtcpSent);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Report_blocks_carry_the_peers_statistics_and_its_last_sender_report(bool useEpoll)
    {
        using var harness = new MediaTransportHarness(24000, useEpoll);
        var handler = new RecordingHandler();
        var endpoint = harness.Open(handler);
        var peer = harness.Peer();
        var peerRtcp = new IPEndPoint(IPAddress.Loopback, 0);
        endpoint.Configure(peer.EndPoint, null, MediaTransportHarness.PcmuAndEvents);
        Assert.False(endpoint.TryCreateReportBlock(out _));
        Assert.False(endpoint.TryGetReceiveSummary(out _));

        foreach (ushort sequence in new ushort[] { 100, 101, 102, 105, 106 })
        {
            peer.SendRtp(endpoint.LocalRtpEndPoint, sequence, 0x3333);
        }

        peer.SendSenderReport(endpoint.LocalRtcpEndPoint, 0x3333, 0xE8000000_12340000);
        Eventually.True(() => handler.Rtp.Count == 5 && handler.Rtcp.Count == 1, "stream and SR delivered");

        Assert.True(endpoint.TryGetReceiveSummary(out var summary));
        Assert.Equal(0x3333u, summary.Ssrc);
        Assert.Equal(2, summary.CumulativeLost);
        Assert.True(endpoint.TryCreateReportBlock(out var block));
        Assert.Equal(0x3333u, block.Ssrc);
        Assert.Equal(2, block.CumulativeLost);
        Assert.Equal(106u, block.ExtendedHighestSequence);
        Assert.Equal((byte)(2 * 256 / 6), block.FractionLost);
        Assert.Equal(0x00001234u, block.LastSenderReport);
        Assert.NotEqual(peerRtcp, endpoint.RemoteRtcpEndPoint);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_throwing_handler_is_counted_and_the_thread_keeps_receiving(bool useEpoll)
    {
        using var harness = new MediaTransportHarness(24600, useEpoll);
        var handler = new RecordingHandler { ThrowOnSequence = 1 };
        var endpoint = harness.Open(handler);
        var peer = harness.Peer();
        endpoint.Configure(peer.EndPoint, null, MediaTransportHarness.PcmuAndEvents);
        peer.SendRtp(endpoint.LocalRtpEndPoint, 1, 1);
        peer.SendRtp(endpoint.LocalRtpEndPoint, 2, 1);
        Eventually.True(() => handler.Rtp.Count == 2, "both packets reached the handler");
        Assert.Equal(1, harness.Receiver.HandlerFailures);
    }
}
