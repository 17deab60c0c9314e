using System.Net;
using static CallCenter.Sip.Transport.Tests.LoopbackClients;

namespace CallCenter.Sip.Transport.Tests;

public sealed class TcpOutgoingTests
{
    public static TheoryData<string> Addresses => Loopbacks;

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task OutgoingConnectionIsOpenedOnceAndUsedBothWays(string address)
    {
        var ip = IPAddress.Parse(address);
        await using var a = await TransportHarness.StartAsync(ip);
        await using var b = await TransportHarness.StartAsync(ip);

        Assert.True(await a.Layer.SendAsync(SipSamples.Register("1"), SipTransportKind.Tcp, b.Tcp));
        var atB = await b.NextAsync();
        Assert.True(await b.Layer.SendAsync(SipSamples.Ok("1"), SipTransportKind.Tcp, atB.Remote, atB.ConnectionId));
        var atA = await a.NextAsync();
        Assert.True(await a.Layer.SendAsync(SipSamples.Register("2"), SipTransportKind.Tcp, b.Tcp));
        var again = await b.NextAsync();

        Assert.Equal(SipSamples.Ok("1"), atA.Data.ToArray());
        Assert.Equal(b.Tcp, atA.Remote);
        Assert.True(atA.ConnectionId >= 1);
        Assert.Equal(atB.ConnectionId, again.ConnectionId);
        Assert.Equal(1, a.Layer.Counters.TcpConnectionsConnected);
        Assert.Equal(1, b.Layer.Counters.TcpConnectionsAccepted);
    }

    [Fact]
    public async Task ConcurrentFirstSendsShareOneConnection()
    {
        await using var a = await TransportHarness.StartAsync(IPAddress.Loopback);
        await using var b = await TransportHarness.StartAsync(IPAddress.Loopback);

        var sends = Enumerable.Range(0, 10)
            .Select(i => a.Layer.SendAsync(SipSamples.Register($"{i}"), SipTransportKind.Tcp, b.Tcp).AsTask())
            .ToArray();

        Assert.All(await Task.WhenAll(sends).WaitAsync(TransportHarness.Patience), Assert.True);
        for (int i = 0; i < 10; i++)
        {
            await b.NextAsync();
        }

        Assert.Equal(1, a.Layer.Counters.TcpConnectionsConnected);
        Assert.Equal(1, b.Layer.Counters.TcpConnectionsAccepted);
    }

    [Fact]
    public async Task SendToAnUnreachablePeerReturnsFalse()
    {
        await using var a = await TransportHarness.StartAsync(IPAddress.Loopback);

        bool sent = await a.Layer.SendAsync(SipSamples.Ok(), SipTransportKind.Tcp, ClosedTcpPort(IPAddress.Loopback))
            .AsTask().WaitAsync(TransportHarness.Patience);

        Assert.False(sent);
        Assert.Equal(1, a.Layer.Counters.TcpConnectFailures);
        Assert.Equal(1, a.Layer.Counters.TcpSendFailures);
        Assert.Equal(0, a.Layer.Counters.TcpConnectionsOpen);
    }

    [Fact]
    public async Task SendToAClientThatHasClosedReturnsFalse()
    {
        await using var server = await TransportHarness.StartAsync(IPAddress.Loopback);
        InboundMessage request;
        using (var client = await TcpClientAsync(server.Tcp))
        {
            await client.SendAllAsync(SipSamples.Register());
            request = await server.NextAsync();
        }

        await EventuallyAsync(() => server.Layer.TcpConnectionCount == 0);
        bool sent = await server.Layer.SendAsync(SipSamples.Ok(), SipTransportKind.Tcp, request.Remote, request.ConnectionId)
            .AsTask().WaitAsync(TransportHarness.Patience);

        Assert.False(sent);
        Assert.Equal(1, server.Layer.Counters.TcpConnectionsClosed);
    }

    [Fact]
    public async Task ConnectionLimitAlsoBoundsOutgoingConnections()
    {
        await using var a = await TransportHarness.StartAsync(IPAddress.Loopback, o => o.MaxTcpConnections = 1);
        await using var b = await TransportHarness.StartAsync(IPAddress.Loopback);
        await using var c = await TransportHarness.StartAsync(IPAddress.Loopback);

        Assert.True(await a.Layer.SendAsync(SipSamples.Register(), SipTransportKind.Tcp, b.Tcp));
        Assert.False(await a.Layer.SendAsync(SipSamples.Register(), SipTransportKind.Tcp, c.Tcp));
        Assert.Equal(1, a.Layer.Counters.TcpConnectFailures);
    }
}
