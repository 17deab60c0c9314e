using System.Net;
using System.Net.Sockets;
using CallCenter.Media.Rtcp;

namespace CallCenter.Calls.Tests.Media.Support;

/// <summary>
/// The peer's RTCP socket on 127.0.0.1: named in the offer with a=rtcp (RFC 3605), it records every datagram the leg
/// sends there on a thread of its own, and sends RTCP (or anything else) to the leg from the advertised address.
/// </summary>
internal sealed class RtcpPort : IDisposable
{
    private readonly Socket _socket;
    private readonly Lock _lock = new();
    private readonly List<byte[]> _received = [];
    private volatile bool _disposed;

    public RtcpPort()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 100 };
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        new Thread(ReceiveLoop) { IsBackground = true, Name = "RTCP peer " + Port }.Start();
    }

    public int Port { get; }

    /// <summary>The SDP line that sends the leg's RTCP here.</summary>
    public string SdpAttribute => $"a=rtcp:{Port}\r\n";

    public IReadOnlyList<byte[]> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    public byte[] WaitForDatagram(int index)
    {
        Eventually.True(() => Received.Count > index, $"RTCP datagram #{index + 1} at port {Port}");
        return Received[index];
    }

    public void Send(IPEndPoint to, ReadOnlySpan<byte> datagram) => _socket.SendTo(datagram, SocketFlags.None, to);

    /// <summary>Sends an SR (with an optional report block about the leg's stream) and a CNAME, as a phone would.</summary>
    public void SendSenderReport(IPEndPoint to, uint ssrc, ulong ntpTimestamp, RtcpReportBlock? aboutLeg = null) =>
        Send(to, Compound(ssrc, new RtcpSenderInfo(ntpTimestamp, 0, 10, 1600), aboutLeg));

    /// <summary>Sends an RR with an optional report block about the leg's stream, and a CNAME.</summary>
    public void SendReceiverReport(IPEndPoint to, uint ssrc, RtcpReportBlock? aboutLeg = null) => Send(to, Compound(ssrc, null, aboutLeg));

    public void Dispose()
    {
        _disposed = true;
        _socket.Dispose();
    }

    private static byte[] Compound(uint ssrc, RtcpSenderInfo? senderInfo, RtcpReportBlock? block)
    {
        var buffer = new byte[RtcpReport.MaxLength];
        Assert.True(new RtcpReport(ssrc, senderInfo, block, Goodbye: false).TryWrite(buffer, "phone@test"u8, out int written));
        return buffer[..written];
    }

    private void ReceiveLoop()
    {
        var buffer = new byte[2048];
        while (!_disposed)
        {
            int length;
            try
            {
                length = _socket.Receive(buffer);
            }
            catch (SocketException)
            {
                continue;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            lock (_lock)
            {
                _received.Add(buffer[..length]);
            }
        }
    }
}
