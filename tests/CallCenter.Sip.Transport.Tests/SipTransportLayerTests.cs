using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using static CallCenter.Sip.Transport.Tests.LoopbackClients;

namespace CallCenter.Sip.Transport.Tests;

public sealed class SipTransportLayerTests
{
    private static SipTransportLayer Create(params IPEndPoint[] endPoints) => new(
        new SipTransportOptions { ListenEndPoints = endPoints },
        (in InboundMessage _) => { },
        NullLoggerFactory.Instance,
        TimeProvider.System);

    [Fact]
    public async Task EphemeralPortIsTheSameForUdpAndTcp()
    {
        await using var layer = Create(new IPEndPoint(IPAddress.Loopback, 0), new IPEndPoint(IPAddress.IPv6Loopback, 0));
        await layer.StartAsync(CancellationToken.None);

        Assert.Equal(2, layer.UdpEndPoints.Count);
        for (int i = 0; i < 2; i++)
        {
            Assert.NotEqual(0, layer.UdpEndPoints[i].Port);
            Assert.Equal(layer.UdpEndPoints[i], layer.TcpEndPoints[i]);
        }
    }

    [Fact]
    public async Task IPv6WildcardDoesNotTakeTheIPv4WildcardPort()
    {
        await using var v6 = Create(new IPEndPoint(IPAddress.IPv6Any, 0));
        await v6.StartAsync(CancellationToken.None);
        int port = v6.UdpEndPoints[0].Port;

        await using var v4 = Create(new IPEndPoint(IPAddress.Any, port));
        await v4.StartAsync(CancellationToken.None);

        Assert.Equal(port, v4.TcpEndPoints[0].Port);
    }

    [Fact]
    public async Task UdpPortInUseGivesAClearError()
    {
        using var occupant = UdpClient(IPAddress.Loopback);
        var taken = (IPEndPoint)occupant.LocalEndPoint!;
        await using var layer = Create(taken);

        var error = await Assert.ThrowsAsync<SipTransportBindException>(() => layer.StartAsync(CancellationToken.None));

        Assert.Equal(SipTransportKind.Udp, error.Transport);
        Assert.Equal(taken, error.EndPoint);
        Assert.Contains("already in use", error.Message);
    }

    [Fact]
    public async Task TcpPortInUseGivesAClearErrorAndReleasesTheUdpSocket()
    {
        using var occupant = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        occupant.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        occupant.Listen();
        var taken = (IPEndPoint)occupant.LocalEndPoint!;
        await using var layer = Create(new IPEndPoint(IPAddress.Loopback, 0), taken);

        var error = await Assert.ThrowsAsync<SipTransportBindException>(() => layer.StartAsync(CancellationToken.None));

        Assert.Equal(SipTransportKind.Tcp, error.Transport);
        Assert.Contains(taken.ToString(), error.Message);
        Assert.Empty(layer.UdpEndPoints);
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(taken);
    }

    [Fact]
    public async Task StopClosesEverythingPromptlyAndIsIdempotent()
    {
        var server = await TransportHarness.StartAsync(IPAddress.Loopback);
        using var client = await TcpClientAsync(server.Tcp);
        await client.SendAllAsync(SipSamples.Register());
        await server.NextAsync();

        await server.Layer.StopAsync().WaitAsync(TransportHarness.Patience);
        await server.Layer.StopAsync().WaitAsync(TransportHarness.Patience);

        await client.AssertClosedByPeerAsync();
        Assert.Equal(0, server.Layer.Counters.TcpConnectionsOpen);
        Assert.False(await server.Layer.SendAsync(SipSamples.Ok(), SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 9)));
        Assert.False(await server.Layer.SendAsync(SipSamples.Ok(), SipTransportKind.Tcp, server.Tcp));
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(server.Udp);
    }

    [Fact]
    public async Task StartTwiceIsRefused()
    {
        await using var layer = Create(new IPEndPoint(IPAddress.Loopback, 0));
        await layer.StartAsync(CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => layer.StartAsync(CancellationToken.None));
    }

    [Fact]
    public async Task StopBeforeStartCompletes()
    {
        var layer = Create(new IPEndPoint(IPAddress.Loopback, 0));
        await layer.StopAsync().WaitAsync(TransportHarness.Patience);
        Assert.False(await layer.SendAsync(SipSamples.Ok(), SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 9)));
    }

    [Fact]
    public void InvalidOptionsAreRejectedUpFront()
    {
        Assert.Throws<ArgumentException>(() => Create());
        var options = new SipTransportOptions { ListenEndPoints = [new IPEndPoint(IPAddress.Loopback, 0)], MaxHeaderBytes = 0 };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => options.Validate());
        Assert.Equal(nameof(SipTransportOptions.MaxHeaderBytes), error.ParamName);
    }
}
