namespace CallCenter.Sip.Transport;

/// <summary>
/// Running totals of the transport layer, updated with <see cref="Interlocked"/> and safe to read from any thread
/// (for example by a metrics exporter). Totals only grow, except <see cref="TcpConnectionsOpen"/>.
/// </summary>
public sealed class TransportCounters
{
    private long _udpDatagramsReceived;
    private long _udpBytesReceived;
    private long _udpDatagramsSent;
    private long _udpBytesSent;
    private long _udpSendFailures;
    private long _udpKeepAlivesReceived;
    private long _udpReceiveErrors;
    private long _oversizedDatagramsDropped;
    private long _tcpMessagesReceived;
    private long _tcpBytesReceived;
    private long _tcpMessagesSent;
    private long _tcpBytesSent;
    private long _tcpSendFailures;
    private long _tcpKeepAlivesReceived;
    private long _tcpKeepAlivePongsSent;
    private long _framingErrors;
    private long _handlerExceptions;
    private long _tcpConnectionsOpen;
    private long _tcpConnectionsAccepted;
    private long _tcpConnectionsConnected;
    private long _tcpConnectionsClosed;
    private long _tcpConnectionsRejected;
    private long _tcpConnectFailures;
    private long _tcpIdleTimeouts;

    /// <summary>UDP datagrams delivered to the handler.</summary>
    public long UdpDatagramsReceived => Volatile.Read(ref _udpDatagramsReceived);

    /// <summary>Bytes of UDP datagrams delivered to the handler.</summary>
    public long UdpBytesReceived => Volatile.Read(ref _udpBytesReceived);

    /// <summary>UDP datagrams sent.</summary>
    public long UdpDatagramsSent => Volatile.Read(ref _udpDatagramsSent);

    /// <summary>Bytes of UDP datagrams sent.</summary>
    public long UdpBytesSent => Volatile.Read(ref _udpBytesSent);

    /// <summary>UDP sends that failed.</summary>
    public long UdpSendFailures => Volatile.Read(ref _udpSendFailures);

    /// <summary>Empty or CRLF-only UDP datagrams (keep-alives), ignored.</summary>
    public long UdpKeepAlivesReceived => Volatile.Read(ref _udpKeepAlivesReceived);

    /// <summary>Receive errors on UDP sockets that the loop survived (such as ICMP port unreachable).</summary>
    public long UdpReceiveErrors => Volatile.Read(ref _udpReceiveErrors);

    /// <summary>UDP datagrams larger than <see cref="SipTransportOptions.MaxDatagramSize"/>, dropped.</summary>
    public long OversizedDatagramsDropped => Volatile.Read(ref _oversizedDatagramsDropped);

    /// <summary>SIP messages framed from TCP streams and delivered to the handler.</summary>
    public long TcpMessagesReceived => Volatile.Read(ref _tcpMessagesReceived);

    /// <summary>Bytes of SIP messages delivered from TCP streams.</summary>
    public long TcpBytesReceived => Volatile.Read(ref _tcpBytesReceived);

    /// <summary>SIP messages written to TCP connections.</summary>
    public long TcpMessagesSent => Volatile.Read(ref _tcpMessagesSent);

    /// <summary>Bytes written to TCP connections (messages only, not keep-alive pongs).</summary>
    public long TcpBytesSent => Volatile.Read(ref _tcpBytesSent);

    /// <summary>TCP sends that failed (no connection could be found or made, or the write failed).</summary>
    public long TcpSendFailures => Volatile.Read(ref _tcpSendFailures);

    /// <summary>Runs of CRLF keep-alives skipped on TCP streams (RFC 5626 §3.5.1, RFC 3261 §7.5).</summary>
    public long TcpKeepAlivesReceived => Volatile.Read(ref _tcpKeepAlivesReceived);

    /// <summary>CRLF pongs written in answer to a CRLFCRLF ping (RFC 5626 §4.4.1).</summary>
    public long TcpKeepAlivePongsSent => Volatile.Read(ref _tcpKeepAlivePongsSent);

    /// <summary>TCP streams that could not be framed (each closed its connection).</summary>
    public long FramingErrors => Volatile.Read(ref _framingErrors);

    /// <summary>Exceptions thrown by the inbound message handler.</summary>
    public long HandlerExceptions => Volatile.Read(ref _handlerExceptions);

    /// <summary>TCP connections open right now.</summary>
    public long TcpConnectionsOpen => Volatile.Read(ref _tcpConnectionsOpen);

    /// <summary>TCP connections accepted from peers.</summary>
    public long TcpConnectionsAccepted => Volatile.Read(ref _tcpConnectionsAccepted);

    /// <summary>Outgoing TCP connections made.</summary>
    public long TcpConnectionsConnected => Volatile.Read(ref _tcpConnectionsConnected);

    /// <summary>TCP connections closed, for any reason.</summary>
    public long TcpConnectionsClosed => Volatile.Read(ref _tcpConnectionsClosed);

    /// <summary>Accepted TCP connections closed at once because <see cref="SipTransportOptions.MaxTcpConnections"/> was reached.</summary>
    public long TcpConnectionsRejected => Volatile.Read(ref _tcpConnectionsRejected);

    /// <summary>Outgoing TCP connects that failed or timed out.</summary>
    public long TcpConnectFailures => Volatile.Read(ref _tcpConnectFailures);

    /// <summary>TCP connections closed because they were idle for <see cref="SipTransportOptions.TcpIdleTimeout"/>.</summary>
    public long TcpIdleTimeouts => Volatile.Read(ref _tcpIdleTimeouts);

    internal void UdpReceived(int bytes)
    {
        Interlocked.Increment(ref _udpDatagramsReceived);
        Interlocked.Add(ref _udpBytesReceived, bytes);
    }

    internal void UdpSent(int bytes)
    {
        Interlocked.Increment(ref _udpDatagramsSent);
        Interlocked.Add(ref _udpBytesSent, bytes);
    }

    internal void UdpSendFailed() => Interlocked.Increment(ref _udpSendFailures);

    internal void UdpKeepAlive() => Interlocked.Increment(ref _udpKeepAlivesReceived);

    internal void UdpReceiveError() => Interlocked.Increment(ref _udpReceiveErrors);

    internal void OversizedDatagram() => Interlocked.Increment(ref _oversizedDatagramsDropped);

    internal void TcpReceived(int bytes)
    {
        Interlocked.Increment(ref _tcpMessagesReceived);
        Interlocked.Add(ref _tcpBytesReceived, bytes);
    }

    internal void TcpSent(int bytes)
    {
        Interlocked.Increment(ref _tcpMessagesSent);
        Interlocked.Add(ref _tcpBytesSent, bytes);
    }

    internal void TcpSendFailed() => Interlocked.Increment(ref _tcpSendFailures);

    internal void TcpKeepAlive() => Interlocked.Increment(ref _tcpKeepAlivesReceived);

    internal void TcpPongSent() => Interlocked.Increment(ref _tcpKeepAlivePongsSent);

    internal void FramingError() => Interlocked.Increment(ref _framingErrors);

    internal void HandlerException() => Interlocked.Increment(ref _handlerExceptions);

    internal void TcpAccepted()
    {
        Interlocked.Increment(ref _tcpConnectionsAccepted);
        Interlocked.Increment(ref _tcpConnectionsOpen);
    }

    internal void TcpConnected()
    {
        Interlocked.Increment(ref _tcpConnectionsConnected);
        Interlocked.Increment(ref _tcpConnectionsOpen);
    }

    internal void TcpClosed()
    {
        Interlocked.Increment(ref _tcpConnectionsClosed);
        Interlocked.Decrement(ref _tcpConnectionsOpen);
    }

    internal void TcpRejected() => Interlocked.Increment(ref _tcpConnectionsRejected);

    internal void TcpConnectFailed() => Interlocked.Increment(ref _tcpConnectFailures);

    internal void TcpIdleTimeout() => Interlocked.Increment(ref _tcpIdleTimeouts);
}
