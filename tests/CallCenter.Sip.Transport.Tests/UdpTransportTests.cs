using System.Net;
using System.Net.Sockets;
using static CallCenter.Sip.Transport.Tests.LoopbackClients;

namespace CallCenter.Sip.Transport.Tests;

public sealed class UdpTransportTests
{
    public static TheoryData<string> Addresses => Loopbacks;

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task RequestInResponseOut(string address)
    {
        var ip = IPAddress.Parse(address);
        await using var server = await TransportHarness.StartAsync(ip);
        using var client = UdpClient(ip);
        var request = SipSamples.Register();

        await client.SendToAsync(request, server.Udp);
        var received = await server.NextAsync();

        Assert.Equal(request, received.Data.ToArray());
        Assert.Equal(SipTransportKind.Udp, received.Transport);
        Assert.Equal(client.LocalEndPoint, received.Remote);
        Assert.Equal(server.Udp, received.Local);
        Assert.Equal(0, received.ConnectionId);

        var response = SipSamples.Ok();
        Assert.True(await server.Layer.SendAsync(response, SipTransportKind.Udp, received.Remote));
        Assert.Equal(response, await ReceiveDatagramAsync(client));
        Assert.Equal(1, server.Layer.Counters.UdpDatagramsReceived);
        Assert.Equal(1, server.Layer.Counters.UdpDatagramsSent);
        Assert.Equal(response.Length, server.Layer.Counters.UdpBytesSent);
    }

    [Fact]
    public async Task OversizedDatagramIsDroppedAndCounted()
    {
        await using var server = await TransportHarness.StartAsync(IPAddress.Loopback, o => o.MaxDatagramSize = 500);
        using var client = UdpClient(IPAddress.Loopback);

        await client.SendToAsync(new byte[1000].Select(_ => (byte)'X').ToArray(), server.Udp);
        await client.SendToAsync(SipSamples.Ok(), server.Udp);

        Assert.Equal(SipSamples.Ok(), (await server.NextAsync()).Data.ToArray());
        Assert.Equal(1, server.Layer.Counters.OversizedDatagramsDropped);
        Assert.False(server.TryTake(out _));
    }

    [Fact]
    public async Task KeepAliveDatagramsAreCountedAndNotDelivered()
    {
        await using var server = await TransportHarness.StartAsync(IPAddress.Loopback);
        using var client = UdpClient(IPAddress.Loopback);

        await client.SendToAsync("\r\n\r\n"u8.ToArray(), server.Udp);
        await client.SendToAsync(Array.Empty<byte>(), server.Udp);
        await client.SendToAsync(SipSamples.Ok(), server.Udp);

        Assert.Equal(SipSamples.Ok(), (await server.NextAsync()).Data.ToArray());
        Assert.Equal(2, server.Layer.Counters.UdpKeepAlivesReceived);
    }

    [Fact]
    public async Task HandlerExceptionDoesNotStopTheReceiveThread()
    {
        await using var server = await TransportHarness.StartAsync(
            IPAddress.Loopback,
            onMessage: m =>
            {
                if (SipSamples.Text(m.Data).Contains("boom", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("handler bug");
                }
            });
        using var client = UdpClient(IPAddress.Loopback);

        await client.SendToAsync(SipSamples.Register("boom"), server.Udp);
        await client.SendToAsync(SipSamples.Register("fine"), server.Udp);

        await server.NextAsync();
        Assert.Contains("fine", SipSamples.Text((await server.NextAsync()).Data));
        Assert.Equal(1, server.Layer.Counters.HandlerExceptions);
    }

    [Fact]
    public async Task RepeatedPeerGetsTheSameCachedEndPoint()
    {
        await using var server = await TransportHarness.StartAsync(IPAddress.Loopback);
        using var client = UdpClient(IPAddress.Loopback);

        await client.SendToAsync(SipSamples.Register("1"), server.Udp);
        await client.SendToAsync(SipSamples.Register("2"), server.Udp);

        Assert.Same((await server.NextAsync()).Remote, (await server.NextAsync()).Remote);
    }

    [Fact]
    public async Task ReceiveLoopSurvivesSendingToAClosedPort()
    {
        await using var server = await TransportHarness.StartAsync(IPAddress.Loopback);
        IPEndPoint closed;
        using (var gone = UdpClient(IPAddress.Loopback))
        {
            closed = (IPEndPoint)gone.LocalEndPoint!;
        }

        // The ICMP port-unreachable that comes back must not end the receive loop.
        server.Layer.SendUdp(SipSamples.Ok(), closed);
        server.Layer.SendUdp(SipSamples.Ok(), closed);
        using var client = UdpClient(IPAddress.Loopback);
        await client.SendToAsync(SipSamples.Register(), server.Udp);

        Assert.Equal(SipSamples.Register(), (await server.NextAsync()).Data.ToArray());
    }

    [Fact]
    public async Task ResponseLeavesFromTheRequestedLocalSocket()
    {
        var options = new SipTransportOptions
        {
            ListenEndPoints = [new IPEndPoint(IPAddress.Loopback, 0), new IPEndPoint(IPAddress.Loopback, 0)],
        };
        await using var layer = new SipTransportLayer(
            options, (in InboundMessage _) => { }, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, TimeProvider.System);
        await layer.StartAsync(CancellationToken.None);
        using var client = UdpClient(IPAddress.Loopback);

        Assert.True(layer.SendUdp(SipSamples.Ok(), (IPEndPoint)client.LocalEndPoint!, layer.UdpEndPoints[1]));
        var buffer = new byte[1000];
        var result = await client.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0)).WaitAsync(TransportHarness.Patience);

        Assert.Equal(layer.UdpEndPoints[1], result.RemoteEndPoint);
    }

    [Fact]
    public async Task SendToAnAddressFamilyWithNoSocketFails()
    {
        await using var server = await TransportHarness.StartAsync(IPAddress.Loopback);

        Assert.False(await server.Layer.SendAsync(SipSamples.Ok(), SipTransportKind.Udp, new IPEndPoint(IPAddress.IPv6Loopback, 5060)));
        Assert.Equal(1, server.Layer.Counters.UdpSendFailures);
    }
}
