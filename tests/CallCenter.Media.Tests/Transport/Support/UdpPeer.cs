using System.Net;
using System.Net.Sockets;
using CallCenter.Media.Rtcp;
using CallCenter.Media.Rtp;

namespace CallCenter.Media.Tests.Transport.Support;

/// <summary>A remote media peer on loopback: a plain UDP socket that sends RTP/RTCP and reads what comes back.</summary>
internal sealed class UdpPeer : IDisposable
{
    private readonly Socket _socket;

    public UdpPeer()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public IPEndPoint EndPoint { get; }

    public void SendRtp(IPEndPoint to, ushort sequence, uint ssrc, byte payloadType = 0, int payloadLength = 160)
    {
        var buffer = new byte[RtpPacket.FixedHeaderLength + payloadLength];
        var header = new RtpHeader(payloadType, sequence, sequence * 160u, ssrc);
        RtpPacketWriter.TryWrite(buffer, header, new byte[payloadLength], out int written);
        _socket.SendTo(buffer.AsSpan(0, written), SocketFlags.None, to);
    }

    public void SendReceiverReport(IPEndPoint to, uint ssrc)
    {
        var buffer = new byte[64];
        var writer = new RtcpCompoundWriter(buffer);
        writer.TryWriteReceiverReport(ssrc, []);
        writer.TryWriteCanonicalName(ssrc, "peer@test"u8);
        _socket.SendTo(writer.WrittenBytes, SocketFlags.None, to);
    }

    public void SendSenderReport(IPEndPoint to, uint ssrc, ulong ntpTimestamp)
    {
        var buffer = new byte[64];
        var writer = new RtcpCompoundWriter(buffer);
        writer.TryWriteSenderReport(ssrc, new RtcpSenderInfo(ntpTimestamp, 0, 10, 1600), []);
        _socket.SendTo(writer.WrittenBytes, SocketFlags.None, to);
    }

    public void Send(IPEndPoint to, byte[] datagram) => _socket.SendTo(datagram, SocketFlags.None, to);

    /// <summary>The next datagram, or null if none arrives within <paramref name="timeout"/> (a safety bound only).</summary>
    public byte[]? Receive(TimeSpan timeout)
    {
        if (!_socket.Poll(timeout, SelectMode.SelectRead))
        {
            return null;
        }

        var buffer = new byte[2048];
        int received = _socket.Receive(buffer);
        return buffer[..received];
    }

    public void Dispose() => _socket.Dispose();
}
