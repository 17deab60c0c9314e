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
        using var harness = new MediaTransportHarness(43000, useEpoll);
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
        using var harness = new MediaTransportHarness(43600, useEpoll);
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
        using var harness = new MediaTransportHarness(44200, useEpoll);
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
        using var harness = new MediaTransportHarness(44800, useEpoll);
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
        using var harness = new MediaTransportHarness(45400, useEpoll);
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
        using var harness = new MediaTransportHarness(46000, useEpoll);
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
        using var harness = new MediaTransportHarness(46600, useEpoll);
        var handler = new RecordingHandler { ThrowOnSequence = 1 };
        var endpoint = harness.Open(handler);
        var peer = harness.Peer();
        endpoint.Configure(peer.EndPoint, null, MediaTransportHarness.PcmuAndEvents);
        peer.SendRtp(endpoint.LocalRtpEndPoint, 1, 1);
        peer.SendRtp(endpoint.LocalRtpEndPoint, 2, 1);
        Eventually.True(() => handler.Rtp.Count == 2, "both packets reached the handler");
        Assert.Equal(1, harness.Receiver.HandlerFailures);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Hundreds_of_endpoints_are_served_by_two_threads_and_return_every_port(bool useEpoll)
    {
        using var harness = new MediaTransportHarness(47200, useEpoll);
        var peer = harness.Peer();
        var handlers = Enumerable.Range(0, 250).Select(_ => new RecordingHandler()).ToArray();
        var endpoints = handlers.Select(harness.Open).ToArray();
        foreach (var endpoint in endpoints)
        {
            endpoint.Configure(peer.EndPoint, null, MediaTransportHarness.PcmuAndEvents);
        }

        Assert.Equal(250, harness.Receiver.EndpointCount);
        Assert.Equal(250, harness.Ports.InUse);

        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < endpoints.Length; i++)
            {
                peer.SendRtp(endpoints[i].LocalRtpEndPoint, (ushort)round, (uint)i);
            }
        }

        Eventually.True(() => handlers.All(h => h.Rtp.Count == 3), "every endpoint got its three packets");
        Assert.All(handlers.Select((h, i) => (h, i)), x => Assert.All(x.h.Rtp, p => Assert.Equal((uint)x.i, p.Ssrc)));

        foreach (var endpoint in endpoints)
        {
            endpoint.Dispose();
            Assert.True(endpoint.IsDisposed);
        }

        Assert.Equal(0, harness.Receiver.EndpointCount);
        Assert.Equal(0, harness.Ports.InUse);
        Assert.Equal(harness.Ports.Capacity, harness.Ports.Available);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_endpoint_may_be_disposed_from_its_own_callback(bool useEpoll)
    {
        using var harness = new MediaTransportHarness(47700, useEpoll);
        var handler = new DisposingHandler();
        var endpoint = harness.Receiver.OpenEndpoint(IPAddress.Loopback, handler, MediaTransportHarness.PcmuAndEvents);
        var peer = harness.Peer();
        endpoint.Configure(peer.EndPoint, null, MediaTransportHarness.PcmuAndEvents);
        peer.SendRtp(endpoint.LocalRtpEndPoint, 1, 1);
        Eventually.True(() => endpoint.IsDisposed, "disposed by its handler");
        Assert.Equal(0, harness.Ports.InUse);
        Assert.Equal(0, harness.Receiver.EndpointCount);

        // The receive thread carries on for the other endpoints.
        var other = new RecordingHandler();
        var next = harness.Open(other);
        next.Configure(peer.EndPoint, null, MediaTransportHarness.PcmuAndEvents);
        peer.SendRtp(next.LocalRtpEndPoint, 1, 2);
        Eventually.True(() => other.Rtp.Count == 1, "the next endpoint receives");
    }

    [Fact]
    public void Legs_on_two_receive_threads_may_dispose_each_other_from_their_callbacks()
    {
        using var harness = new MediaTransportHarness(47650, useEpoll: true);
        var peer = harness.Peer();
        for (int round = 0; round < 20; round++)
        {
            var first = new CrossDisposingHandler();
            var second = new CrossDisposingHandler();
            var a = harness.Receiver.OpenEndpoint(IPAddress.Loopback, first, MediaTransportHarness.PcmuAndEvents);
            var b = harness.Receiver.OpenEndpoint(IPAddress.Loopback, second, MediaTransportHarness.PcmuAndEvents);
            first.Other = b;
            second.Other = a;
            a.Configure(peer.EndPoint, null, MediaTransportHarness.PcmuAndEvents);
            b.Configure(peer.EndPoint, null, MediaTransportHarness.PcmuAndEvents);
            peer.SendRtp(a.LocalRtpEndPoint, 1, 1);
            peer.SendRtp(b.LocalRtpEndPoint, 1, 2);
            Eventually.True(() => a.IsDisposed && b.IsDisposed, "both legs hung up");
        }

        Assert.Equal(0, harness.Ports.InUse);
    }

    private sealed class CrossDisposingHandler : IRtpEndpointHandler
    {
        public RtpEndpoint? Other { get; set; }

        public void OnRtpPacket(RtpEndpoint endpoint, RtpPacket packet)
        {
            // A bridged call ending: either leg's event tears down both.
            Other?.Dispose();
            endpoint.Dispose();
        }

        public void OnRtcpPacket(RtpEndpoint endpoint, CallCenter.Media.Rtcp.RtcpCompoundPacket compound)
        {
        }

        public void OnInactive(RtpEndpoint endpoint, TimeSpan silence)
        {
        }
    }

    [Fact]
    public async Task No_callback_runs_after_dispose_returns()
    {
        using var harness = new MediaTransportHarness(47750, useEpoll: true);
        var handler = new CountingAfterDisposeHandler();
        var endpoint = harness.Receiver.OpenEndpoint(IPAddress.Loopback, handler, MediaTransportHarness.PcmuAndEvents);
        var peer = harness.Peer();
        endpoint.Configure(peer.EndPoint, null, MediaTransportHarness.PcmuAndEvents);
        var sender = Task.Run(() =>
        {
            for (int i = 0; i < 2000 && !endpoint.IsDisposed; i++)
            {
                peer.SendRtp(endpoint.LocalRtpEndPoint, (ushort)i, 1);
            }
        });
        Eventually.True(() => Volatile.Read(ref handler.Calls) > 10, "packets flowing");
        endpoint.Dispose();
        handler.Disposed = true;
        await sender;
        await Task.Delay(50);
        Assert.Equal(0, handler.CallsAfterDispose);
    }

    private sealed class DisposingHandler : IRtpEndpointHandler
    {
        public void OnRtpPacket(RtpEndpoint endpoint, RtpPacket packet) => endpoint.Dispose();

        public void OnRtcpPacket(RtpEndpoint endpoint, CallCenter.Media.Rtcp.RtcpCompoundPacket compound)
        {
        }

        public void OnInactive(RtpEndpoint endpoint, TimeSpan silence)
        {
        }
    }

    private sealed class CountingAfterDisposeHandler : IRtpEndpointHandler
    {
        public int Calls;
        public volatile bool Disposed;
        public int CallsAfterDispose;

        public void OnRtpPacket(RtpEndpoint endpoint, RtpPacket packet)
        {
            Interlocked.Increment(ref Calls);
            if (Disposed)
            {
                Interlocked.Increment(ref CallsAfterDispose);
            }
        }

        public void OnRtcpPacket(RtpEndpoint endpoint, CallCenter.Media.Rtcp.RtcpCompoundPacket compound)
        {
        }

        public void OnInactive(RtpEndpoint endpoint, TimeSpan silence)
        {
        }
    }

    [Fact]
    public void Ports_held_by_another_process_are_skipped_and_not_leaked()
    {
        using var harness = new MediaTransportHarness(47800, useEpoll: true);
        using var squatter = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, 47801));

        var endpoint = harness.Open(new RecordingHandler());
        Assert.NotEqual(47800, endpoint.LocalRtpEndPoint.Port);
        Assert.Equal(1, harness.Ports.InUse);
        endpoint.Dispose();
        endpoint.Dispose();
        Assert.Equal(0, harness.Ports.InUse);
    }

    [Fact]
    public void Exhausting_the_range_is_a_clear_error_and_leaves_no_socket_open()
    {
        using var harness = new MediaTransportHarness(48400, useEpoll: true, configure: o => o.PortMax = 48403);
        var first = harness.Open(new RecordingHandler());
        var second = harness.Open(new RecordingHandler());
        Assert.Throws<RtpPortsExhaustedException>(() => harness.Open(new RecordingHandler()));
        first.Dispose();
        var third = harness.Open(new RecordingHandler());
        Assert.Equal(first.LocalRtpEndPoint.Port, third.LocalRtpEndPoint.Port);
        Assert.Equal(2, harness.Receiver.EndpointCount);
        second.Dispose();
        third.Dispose();
    }

    [Fact]
    public void Disposing_the_receiver_closes_the_endpoints_and_returns_the_ports()
    {
        var harness = new MediaTransportHarness(48500, useEpoll: true);
        var endpoint = harness.Open(new RecordingHandler());
        harness.Dispose();
        Assert.True(endpoint.IsDisposed);
        Assert.Equal(0, harness.Ports.InUse);
        Assert.Throws<ObjectDisposedException>(() => harness.Open(new RecordingHandler()));
    }

    [Fact]
    public void Remote_addresses_of_another_family_are_refused()
    {
        using var harness = new MediaTransportHarness(48600, useEpoll: true);
        var endpoint = harness.Open(new RecordingHandler());
        Assert.Throws<ArgumentException>(() => endpoint.Configure(new IPEndPoint(IPAddress.IPv6Loopback, 4000), null, RtpPayloadTypeSet.All));
    }

    [Fact]
    public void Receiving_and_sending_allocate_nothing_per_packet()
    {
        using var harness = new MediaTransportHarness(48700, useEpoll: true);
        var probe = new AllocationProbe(firstMark: 20, secondMark: 220);
        var endpoint = harness.Receiver.OpenEndpoint(IPAddress.Loopback, probe, MediaTransportHarness.PcmuAndEvents);
        var peer = harness.Peer();
        endpoint.Configure(peer.EndPoint, null, MediaTransportHarness.PcmuAndEvents);
        for (int i = 0; i < 220; i++)
        {
            peer.SendRtp(endpoint.LocalRtpEndPoint, (ushort)i, 9);
        }

        Eventually.True(() => Volatile.Read(ref probe.AllocatedBetweenMarks) >= 0, "220 packets received");
        Assert.Equal(0, probe.AllocatedBetweenMarks);

        var packet = new byte[172];
        packet[0] = 0x80;
        endpoint.SendRtp(packet);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            endpoint.SendRtp(packet);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>
    /// Reads the receive thread's allocation counter at two packet counts: everything between, from the socket read
    /// to this callback, must allocate nothing.
    /// </summary>
    private sealed class AllocationProbe(int firstMark, int secondMark) : IRtpEndpointHandler
    {
        public long AllocatedBetweenMarks = -1;
        private int _packets;
        private long _atFirstMark;

        public void OnRtpPacket(RtpEndpoint endpoint, RtpPacket packet)
        {
            int count = ++_packets;
            if (count == firstMark)
            {
                _atFirstMark = GC.GetAllocatedBytesForCurrentThread();
            }
            else if (count == secondMark)
            {
                Volatile.Write(ref AllocatedBetweenMarks, GC.GetAllocatedBytesForCurrentThread() - _atFirstMark);
            }
        }

        public void OnRtcpPacket(RtpEndpoint endpoint, CallCenter.Media.Rtcp.RtcpCompoundPacket compound)
        {
        }

        public void OnInactive(RtpEndpoint endpoint, TimeSpan silence)
        {
        }
    }
}
