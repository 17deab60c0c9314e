using System.Net;
using System.Net.Sockets;

namespace CallCenter.Sip.Transport.Tests;

/// <summary>Plain-socket peers for talking to a layer under test; every wait is bounded.</summary>
internal static class LoopbackClients
{
    public static readonly TheoryData<string> Loopbacks = new() { "127.0.0.1", "::1" };

    public static Socket UdpClient(IPAddress address)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, 0));
        return socket;
    }

    public static async Task<byte[]> ReceiveDatagramAsync(Socket socket)
    {
        var buffer = new byte[70000];
        int received = await socket.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(TransportHarness.Patience);
        return buffer[..received];
    }

    public static async Task<Socket> TcpClientAsync(IPEndPoint server)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server).WaitAsync(TransportHarness.Patience);
        return socket;
    }

    public static async Task SendAllAsync(this Socket socket, byte[] bytes) =>
        await socket.SendAsync(bytes.AsMemory()).AsTask().WaitAsync(TransportHarness.Patience);

    public static async Task<byte[]> ReadExactlyAsync(this Socket socket, int count)
    {
        var buffer = new byte[count];
        int filled = 0;
        while (filled < count)
        {
            int received = await socket.ReceiveAsync(buffer.AsMemory(filled)).AsTask().WaitAsync(TransportHarness.Patience);
            Assert.NotEqual(0, received);
            filled += received;
        }

        return buffer;
    }

    /// <summary>Waits until the peer closes the connection (orderly or by reset).</summary>
    public static async Task AssertClosedByPeerAsync(this Socket socket)
    {
        var buffer = new byte[4096];
        try
        {
            while (await socket.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(TransportHarness.Patience) > 0)
            {
            }
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
        }
    }

    /// <summary>A loopback port with nothing listening on it (TCP) right now.</summary>
    public static IPEndPoint ClosedTcpPort(IPAddress address)
    {
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(address, 0));
        return (IPEndPoint)probe.LocalEndPoint!;
    }

    /// <summary>Waits, bounded, for a condition that another thread will make true.</summary>
    public static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TransportHarness.Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(5);
        }
    }
}
