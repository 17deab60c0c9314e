using System.Net;
using CallCenter.Sip.Transport.Logging;
using CallCenter.Sip.Transport.Tcp;
using CallCenter.Sip.Transport.Udp;
using Microsoft.Extensions.Logging;

namespace CallCenter.Sip.Transport;

/// <summary>
/// The SIP transport layer (RFC 3261 §18): receives whole SIP messages over UDP and TCP and hands them, as bytes,
/// to one <see cref="InboundMessageHandler"/>; sends whole messages back out. It never parses a message beyond
/// finding where it ends on a stream.
/// </summary>
/// <remarks>
/// Each UDP socket has its own receive thread and calls the handler inline; each TCP connection has its own read
/// loop. See <see cref="InboundMessageHandler"/> for what that asks of the handler.
/// </remarks>
public sealed class SipTransportLayer : IAsyncDisposable
{
    private const int NotStarted = 0;
    private const int Running = 1;
    private const int Stopped = 2;

    private readonly TransportContext _context;
    private readonly Lock _stateGate = new();
    private int _state;
    private volatile UdpTransport? _udp;
    private volatile TcpTransport? _tcp;
    private Task? _stopTask;

    public SipTransportLayer(
        SipTransportOptions options,
        InboundMessageHandler handler,
        ILoggerFactory loggerFactory,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _context = new TransportContext(options, handler, loggerFactory.CreateLogger<SipTransportLayer>(), time);
    }

    /// <summary>The UDP endpoints actually bound (ephemeral ports resolved); empty before start.</summary>
    public IReadOnlyList<IPEndPoint> UdpEndPoints => _udp?.EndPoints ?? [];

    /// <summary>The TCP endpoints actually bound; same order and ports as <see cref="UdpEndPoints"/>.</summary>
    public IReadOnlyList<IPEndPoint> TcpEndPoints => _tcp?.EndPoints ?? [];

    /// <summary>Running totals, for metrics.</summary>
    public TransportCounters Counters => _context.Counters;

    /// <summary>Open TCP connections right now.</summary>
    public int TcpConnectionCount => _tcp?.Table.Count ?? 0;

    /// <summary>
    /// Binds every listen endpoint for UDP and TCP and starts receiving. Throws
    /// <see cref="SipTransportBindException"/> (and binds nothing) if any endpoint cannot be bound.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_stateGate)
        {
            if (_state != NotStarted)
            {
                throw new InvalidOperationException("The SIP transport layer can be started only once.");
            }

            var (udpChannels, tcpAcceptors) = ListenerBinder.BindAll(_context.Options.ListenEndPoints, _context);
            var udp = new UdpTransport(_context, udpChannels);
            var tcp = new TcpTransport(_context, tcpAcceptors);
            udp.Start();
            tcp.Start();
            _udp = udp;
            _tcp = tcp;
            _state = Running;
            LogListening(udp, tcp);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Sends one whole SIP message. UDP: a synchronous datagram send from the first socket of the remote's address
    /// family (completes synchronously, allocates nothing). TCP: on connection <paramref name="connectionId"/> if
    /// still open, else on an open connection to <paramref name="remote"/>, else on a new outgoing connection
    /// (RFC 3261 §18.1.1, §18.2.2). Returns false, and counts the failure, if the message could not be sent.
    /// </summary>
    public ValueTask<bool> SendAsync(
        ReadOnlyMemory<byte> data,
        SipTransportKind kind,
        IPEndPoint remote,
        long connectionId = 0)
    {
        ArgumentNullException.ThrowIfNull(remote);
        if (kind == SipTransportKind.Udp)
        {
            return new ValueTask<bool>(SendUdp(data.Span, remote));
        }

        var tcp = _tcp;
        if (tcp == null || Volatile.Read(ref _state) != Running)
        {
            _context.Counters.TcpSendFailed();
            return new ValueTask<bool>(false);
        }

        return tcp.SendAsync(data, remote, connectionId);
    }

    /// <summary>
    /// Sends one datagram synchronously. With <paramref name="local"/> it leaves from the socket bound there (so a
    /// response leaves from where its request arrived, RFC 3261 §18.2.2); otherwise from the first socket of the
    /// remote's address family.
    /// </summary>
    public bool SendUdp(ReadOnlySpan<byte> datagram, IPEndPoint remote, IPEndPoint? local = null)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var udp = _udp;
        if (udp == null || Volatile.Read(ref _state) != Running)
        {
            _context.Counters.UdpSendFailed();
            return false;
        }

        return udp.Send(datagram, remote, local);
    }

    /// <summary>
    /// Stops gracefully: stops accepting, closes every TCP connection and UDP socket, and waits for every receive
    /// thread and read loop to end. Safe to call more than once.
    /// </summary>
    public Task StopAsync()
    {
        lock (_stateGate)
        {
            if (_stopTask == null)
            {
                int previous = _state;
                _state = Stopped;
                _stopTask = previous == Running ? StopRunningAsync() : Task.CompletedTask;
            }

            return _stopTask;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task StopRunningAsync()
    {
        await Task.WhenAll(_tcp!.StopAsync(), _udp!.StopAsync()).ConfigureAwait(false);
        TransportLog.Stopped(_context.Logger);
    }

    private void LogListening(UdpTransport udp, TcpTransport tcp)
    {
        foreach (var endPoint in udp.EndPoints)
        {
            TransportLog.Listening(_context.Logger, SipTransportKind.Udp, endPoint);
        }

        foreach (var endPoint in tcp.EndPoints)
        {
            TransportLog.Listening(_context.Logger, SipTransportKind.Tcp, endPoint);
        }
    }
}
