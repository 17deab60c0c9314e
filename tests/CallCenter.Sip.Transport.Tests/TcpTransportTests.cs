using System.Net;
using static CallCenter.Sip.Transport.Tests.LoopbackClients;

namespace CallCenter.Sip.Transport.Tests;

public sealed class TcpTransportTests
{
    public static TheoryData<string> Addresses => Loopbacks;

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task ResponseToAConnectionIdReusesTheClientsConnection(string address)
    {
        await using var server = await TransportHarness.StartAsync(IPAddress.Parse(address));
        using var client = await TcpClientAsync(server.Tcp);
        var request = SipSamples.Register();

        await client.SendAllAsync(request);
        var received = await server.NextAsync();

        Assert.Equal(request, received.Data.ToArray());
        Assert.Equal(SipTransportKind.Tcp, received.Transport);
        Assert.Equal(client.LocalEndPoint, received.Remote);
        Assert.Equal(client.RemoteEndPoint, received.Local);
        Assert.True(received.ConnectionId >= 1);

        var response = SipSamples.Ok();
        Assert.True(await server.Layer.SendAsync(response, SipTransportKind.Tcp, received.Remote, received.ConnectionId));
        Assert.Equal(response, await client.ReadExactlyAsync(response.Length));
        Assert.Equal(1, server.Layer.Counters.TcpConnectionsAccepted);
        Assert.Equal(0, server.Layer.Counters.TcpConnectionsConnected);
        Assert.Equal(1, server.Layer.Counters.TcpMessagesSent);
    }

    [Fact]
    public async Task SendWithoutIdReusesAnOpenConnectionToTheSameRemote()
    {
        await using var server = await TransportHarness.StartAsync(IPAddress.Loopback);
        using var client = await TcpClientAsync(server.Tcp);
        await client.SendAllAsync(SipSamples.Register());
        var received = await server.NextAsync();

        var response = SipSamples.Ok();
        Assert.True(await server.Layer.SendAsync(response, SipTransportKind.Tcp, received.Remote));

        Assert.Equal(response, await client.ReadExactlyAsync(response.Length));
        Assert.Equal(0, server.Layer.Counters.TcpConnectionsConnected);
    }

    [Fact]
    public async Task SeveralMessagesInOneWriteAreDeliveredInOrder()
    {
        await using var server = await TransportHarness.StartAsync(IPAddress.Loopback);
        using var client = await TcpClientAsync(server.Tcp);
        byte[] stream = [.. SipSamples.Register("1", "one"), .. "\r\n"u8, .. SipSamples.Register("2"), .. SipSamples.Ok("3")];

        await client.SendAllAsync(stream);

        Assert.Equal(SipSamples.Register("1", "one"), (await server.NextAsync()).Data.ToArray());
        Assert.Equal(SipSamples.Register("2"), (await server.NextAsync()).Data.ToArray());
        Assert.Equal(SipSamples.Ok("3"), (await server.NextAsync()).Data.ToArray());
        Assert.Equal(3, server.Layer.Counters.TcpMessagesReceived);
    }

    [Fact]
    public async Task MessageArrivingInPiecesIsReassembled()
    {
        await using var server = await TransportHarness.StartAsync(IPAddress.Loopback);
        using var client = await TcpClientAsync(server.Tcp);
        var message = SipSamples.Register(body: new string('b', 60000));

        for (int offset = 0; offset < message.Length; offset += 7000)
        {
            await client.SendAllAsync(message[offset..Math.Min(offset + 7000, message.Length)]);
        }

        Assert.Equal(message, (await server.NextAsync()).Data.ToArray());
    }

    [Fact]
    public async Task BadContentLengthClosesOnlyThatConnection()
    {
        await using var server = await TransportHarness.StartAsync(IPAddress.Loopback);
        using var good = await TcpClientAsync(server.Tcp);
        using var bad = await TcpClientAsync(server.Tcp);
        await good.SendAllAsync(SipSamples.Register("before"));
        await server.NextAsync();

        await bad.SendAllAsync(SipSamples.Ascii("OPTIONS sip:x SIP/2.0\r\nContent-Length: ten\r\n\r\n"));
        await bad.AssertClosedByPeerAsync();

        await good.SendAllAsync(SipSamples.Register("after"));
        Assert.Contains("after", SipSamples.Text((await server.NextAsync()).Data));
        Assert.Equal(1, server.Layer.Counters.FramingErrors);
        Assert.Equal(1, server.Layer.TcpConnectionCount);
    }

    [Fact]
    public async Task CrlfCrlfPingIsAnsweredWithOneCrlfPong()
    {
        await using var server = await TransportHarness.StartAsync(IPAddress.Loopback);
        using var client = await TcpClientAsync(server.Tcp);

        await client.SendAllAsync("\r\n\r\n"u8.ToArray());
        Assert.Equal("\r\n"u8.ToArray(), await client.ReadExactlyAsync(2));

        await client.SendAllAsync(SipSamples.Register());
        Assert.Equal(SipSamples.Register(), (await server.NextAsync()).Data.ToArray());
        Assert.Equal(1, server.Layer.Counters.TcpKeepAlivePongsSent);
        Assert.Equal(1, server.Layer.Counters.TcpMessagesReceived);
    }

    [Fact]
    public async Task HandlerExceptionDoesNotCloseTheConnection()
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
        using var client = await TcpClientAsync(server.Tcp);

        await client.SendAllAsync([.. SipSamples.Register("boom"), .. SipSamples.Register("fine")]);

        await server.NextAsync();
        Assert.Contains("fine", SipSamples.Text((await server.NextAsync()).Data));
        Assert.Equal(1, server.Layer.Counters.HandlerExceptions);
        Assert.Equal(1, server.Layer.TcpConnectionCount);
    }

    [Fact]
    public async Task ConcurrentSendsOnOneConnectionNeverInterleave()
    {
        await using var server = await TransportHarness.StartAsync(IPAddress.Loopback);
        using var client = await TcpClientAsync(server.Tcp);
        await client.SendAllAsync(SipSamples.Register());
        var received = await server.NextAsync();

        // Large messages force partial writes; each carries one repeated letter so a mix-up is visible.
        var messages = Enumerable.Range(0, 20)
            .Select(i => SipSamples.Register($"c{i}", new string((char)('a' + i), 50000)))
            .ToArray();
        var sends = messages
            .Select(m => Task.Run(async () =>
                await server.Layer.SendAsync(m, SipTransportKind.Tcp, received.Remote, received.ConnectionId)))
            .ToArray();

        var readAll = client.ReadExactlyAsync(messages.Sum(m => m.Length));
        Assert.All(await Task.WhenAll(sends), Assert.True);
        var stream = await readAll;

        var framed = new List<byte[]>();
        for (int offset = 0; offset < stream.Length;)
        {
            var frame = SipStreamFramer.TryFrame(stream.AsSpan(offset), 16384, 65536);
            Assert.Equal(FrameKind.Message, frame.Kind);
            framed.Add(stream[offset..(offset + frame.Length)]);
            offset += frame.Length;
        }

        Assert.Equal(
            messages.Select(m => SipSamples.Text(m)).Order(),
            framed.Select(f => SipSamples.Text(f)).Order());
    }

    [Fact]
    public async Task ConnectionsAboveTheLimitAreRefused()
    {
        await using var server = await TransportHarness.StartAsync(IPAddress.Loopback, o => o.MaxTcpConnections = 1);
        using var first = await TcpClientAsync(server.Tcp);
        await first.SendAllAsync(SipSamples.Register("first"));
        await server.NextAsync();

        using var second = await TcpClientAsync(server.Tcp);
        await second.AssertClosedByPeerAsync();

        await first.SendAllAsync(SipSamples.Register("still"));
        Assert.Contains("still", SipSamples.Text((await server.NextAsync()).Data));
        Assert.Equal(1, server.Layer.Counters.TcpConnectionsRejected);
    }

    [Fact]
    public async Task IdleConnectionIsClosedAfterTheTimeoutAndNotBefore()
    {
        await using var server = await TransportHarness.StartAsync(IPAddress.Loopback);
        using var client = await TcpClientAsync(server.Tcp);
        await client.SendAllAsync(SipSamples.Register("one"));
        await server.NextAsync();

        server.Time.Advance(TimeSpan.FromMinutes(9));
        await client.SendAllAsync(SipSamples.Register("two"));
        Assert.Contains("two", SipSamples.Text((await server.NextAsync()).Data));
        Assert.Equal(0, server.Layer.Counters.TcpIdleTimeouts);

        server.Time.Advance(TimeSpan.FromMinutes(11));
        await client.AssertClosedByPeerAsync();
        Assert.Equal(1, server.Layer.Counters.TcpIdleTimeouts);
    }
}
