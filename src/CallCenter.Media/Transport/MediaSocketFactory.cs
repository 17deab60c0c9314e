using System.Net;
using System.Net.Sockets;

namespace CallCenter.Media.Transport;

/// <summary>Creates the UDP sockets of an endpoint: bound, non-blocking, with the configured buffer and DSCP.</summary>
internal static class MediaSocketFactory
{
    /// <summary>
    /// Binds the RTP and RTCP sockets of <paramref name="lease"/> on <paramref name="localAddress"/>; false (nothing
    /// left open) when either port is taken by another process.
    /// </summary>
    public static bool TryBindPair(
        IPAddress localAddress, RtpPortLease lease, MediaTransportOptions options, out Socket? rtp, out Socket? rtcp)
    {
        rtp = TryBind(localAddress, lease.RtpPort, options);
        rtcp = rtp is null ? null : TryBind(localAddress, lease.RtcpPort, options);
        if (rtcp is null)
        {
            rtp?.Dispose();
            rtp = null;
            return false;
        }

        return true;
    }

    private static Socket? TryBind(IPAddress localAddress, int port, MediaTransportOptions options)
    {
        var socket = new Socket(localAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (localAddress.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false;
            }

            // Non-blocking: a receive thread shared by thousands of calls must never stall on one socket, and a
            // full send buffer should drop one packet rather than hold up the media clock.
            socket.Blocking = false;
            if (options.SocketReceiveBufferBytes > 0)
            {
                socket.ReceiveBufferSize = options.SocketReceiveBufferBytes;
            }

            SetDscp(socket, options.Dscp);
            socket.Bind(new IPEndPoint(localAddress, port));
            return socket;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            socket.Dispose();
            return null;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static void SetDscp(Socket socket, int dscp)
    {
        if (dscp < 0 || socket.AddressFamily != AddressFamily.InterNetwork)
        {
            return;
        }

        try
        {
            // The DSCP occupies the upper six bits of the former TOS octet (RFC 2474 §3).
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.TypeOfService, dscp << 2);
        }
        catch (SocketException)
        {
            // Marking is an optimisation for the network; a platform that refuses it still carries the media.
        }
    }
}
