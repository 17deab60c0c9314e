using System.Net;
using System.Net.Sockets;
using CallCenter.Sip.Transport.Tcp;
using CallCenter.Sip.Transport.Udp;

namespace CallCenter.Sip.Transport;

/// <summary>
/// Binds a UDP socket and a TCP listener on every listen endpoint, on the same port for both (a SIP URI names
/// one port for all transports, RFC 3261 §19.1.2), turning bind failures into <see cref="SipTransportBindException"/>.
/// </summary>
internal static class ListenerBinder
{
    // With port 0 the OS picks a free UDP port, which may be taken for TCP; a few fresh picks settle that.
    private const int EphemeralAttempts = 16;

    public static (List<UdpChannel> Udp, List<TcpAcceptor> Tcp) BindAll(
        IEnumerable<IPEndPoint> endPoints,
        TransportContext context)
    {
        var udp = new List<UdpChannel>();
        var tcp = new List<TcpAcceptor>();
        try
        {
            foreach (var endPoint in endPoints)
            {
                var (channel, acceptor) = BindPair(endPoint, context);
                udp.Add(channel);
                tcp.Add(acceptor);
            }

            return (udp, tcp);
        }
        catch
        {
            udp.ForEach(c => c.Dispose());
            tcp.ForEach(a => a.Dispose());
            throw;
        }
    }

    private static (UdpChannel, TcpAcceptor) BindPair(IPEndPoint endPoint, TransportContext context)
    {
        for (int attempt = 1; ; attempt++)
        {
            var channel = BindUdp(endPoint, context);
            var samePort = new IPEndPoint(endPoint.Address, channel.LocalEndPoint.Port);
            try
            {
                return (channel, TcpAcceptor.Bind(samePort, context));
            }
            catch (SocketException e)
            {
                channel.Dispose();
                bool retry = endPoint.Port == 0
                    && e.SocketErrorCode == SocketError.AddressAlreadyInUse
                    && attempt < EphemeralAttempts;
                if (!retry)
                {
                    throw new SipTransportBindException(SipTransportKind.Tcp, samePort, e);
                }
            }
        }
    }

    private static UdpChannel BindUdp(IPEndPoint endPoint, TransportContext context)
    {
        try
        {
            return UdpChannel.Bind(endPoint, context);
        }
        catch (SocketException e)
        {
            throw new SipTransportBindException(SipTransportKind.Udp, endPoint, e);
        }
    }
}
