using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace CallCenter.Sip.Transport.Logging;

/// <summary>Log entries of the transport layer (source-generated, no boxing on the hot path).</summary>
internal static partial class TransportLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "SIP {Transport} listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, SipTransportKind transport, IPEndPoint endPoint);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "SIP transport stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning,
        Message = "Unframeable SIP stream on TCP connection {ConnectionId} from {Remote}: {Reason}; closing it ({Suppressed} similar entries suppressed before this)")]
    public static partial void FramingError(ILogger logger, long connectionId, IPEndPoint remote, string reason, long suppressed);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning,
        Message = "Dropped UDP datagram from {Remote} larger than {MaxDatagramSize} bytes ({Suppressed} similar entries suppressed before this)")]
    public static partial void OversizedDatagram(ILogger logger, EndPoint? remote, int maxDatagramSize, long suppressed);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning,
        Message = "UDP receive error {Error} on {Local}; continuing ({Suppressed} similar entries suppressed before this)")]
    public static partial void UdpReceiveError(ILogger logger, SocketError error, IPEndPoint local, long suppressed);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning,
        Message = "Refused TCP connection from {Remote}: {MaxConnections} connections already open ({Suppressed} similar entries suppressed before this)")]
    public static partial void TcpConnectionRefused(ILogger logger, EndPoint? remote, int maxConnections, long suppressed);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning,
        Message = "TCP accept on {Local} failed with {Error} ({Suppressed} similar entries suppressed before this)")]
    public static partial void TcpAcceptError(ILogger logger, IPEndPoint local, SocketError error, long suppressed);

    [LoggerMessage(EventId = 20, Level = LogLevel.Error,
        Message = "Inbound SIP message handler threw for a {Transport} message from {Remote} ({Suppressed} similar entries suppressed before this)")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, SipTransportKind transport, IPEndPoint remote, long suppressed);

    [LoggerMessage(EventId = 30, Level = LogLevel.Debug, Message = "UDP send to {Remote} failed: {Error}")]
    public static partial void UdpSendFailed(ILogger logger, IPEndPoint remote, SocketError error);

    [LoggerMessage(EventId = 31, Level = LogLevel.Debug, Message = "TCP connect to {Remote} failed: {Reason}")]
    public static partial void TcpConnectFailed(ILogger logger, IPEndPoint remote, string reason);

    [LoggerMessage(EventId = 32, Level = LogLevel.Debug, Message = "TCP connection {ConnectionId} {Direction} {Remote} opened")]
    public static partial void TcpConnectionOpened(ILogger logger, long connectionId, string direction, IPEndPoint remote);

    [LoggerMessage(EventId = 33, Level = LogLevel.Debug, Message = "TCP connection {ConnectionId} to {Remote} closed: {Reason}")]
    public static partial void TcpConnectionClosed(ILogger logger, long connectionId, IPEndPoint remote, string reason);
}
