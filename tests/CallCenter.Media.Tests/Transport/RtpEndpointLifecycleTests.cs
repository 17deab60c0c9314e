using System.Net;
using System.Net.Sockets;
using CallCenter.Media.Rtp;
using CallCenter.Media.Tests.Transport.Support;
using CallCenter.Media.Transport;

namespace CallCenter.Media.Tests.Transport;

/// <summary>Opening, disposing and scaling endpoints over real loopback sockets: no leaks, no deadlocks, no allocations.</summary>
public class RtpEndpointLifecycleTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Hundreds_of_endpoints_are_served_by_two_threads_and_return_every_port(bool useEpoll)
    {
        using var harness = new MediaTransportHarness(25200, useEpoll);
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
        using var harness = new MediaTransportHarness(25800, useEpoll);
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
        using var harness = new MediaTransportHarness(26400, useEpoll: true);
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

    [Fact]
    public async Task No_callback_runs_after_dispose_returns()
    {
        using var harness = new MediaTransportHarness(27000, useEpoll: true);
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

    [Fact]
    public void Ports_held_by_another_process_are_skipped_and_not_leaked()
    {
        using var harness = new MediaTransportHarness(27600, useEpoll: true);
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, 27601));

        var endpoint = harness.Open(new RecordingHandler());
        Assert.NotEqual(27600, endpoint.LocalRtpEndPoint.Port);
        Assert.Equal(1, harness.Ports.InUse);
        endpoint.Dispose();
        endpoint.Dispose();
        Assert.Equal(0, harness.Ports.InUse);
    }

    [Fact]
    public void Exhausting_the_range_is_a_clear_error_and_leaves_no_socket_open()
    {
        using var harness = new MediaTransportHarness(28200, useEpoll: true, configure: o => o.PortMax = 28203);
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
        var harness = new MediaTransportHarness(28300, useEpoll: true);
        var endpoint = harness.Open(new RecordingHandler());
        harness.Dispose();
        Assert.True(endpoint.IsDisposed);
        Assert.Equal(0, harness.Ports.InUse);
        Assert.Throws<ObjectDisposedException>(() => harness.Open(new RecordingHandler()));
    }

    [Fact]
    public void Remote_addresses_of_another_family_are_refused()
    {
        using var harness = new MediaTransportHarness(28400, useEpoll: true);
        var endpoint = harness.Open(new RecordingHandler());
        Assert.Throws<ArgumentException>(() => endpoint.Configure(new IPEndPoint(IPAddress.IPv6Loopback, 4000), null, RtpPayloadTypeSet.All));
    }

    [Fact]
    public void Receiving_and_sending_allocate_nothing_per_packet()
    {
        using var harness = new MediaTransportHarness(28500, useEpoll: true);
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
}
