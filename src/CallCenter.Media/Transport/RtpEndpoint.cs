using System.Net;
using System.Net.Sockets;
using CallCenter.Media.Rtcp;
using CallCenter.Media.Rtp;

namespace CallCenter.Media.Transport;

/// <summary>
/// The media transport of one call leg: an RTP socket on an even port and an RTCP socket on the next (RFC 3550
/// §11), bound on a local address, received by a <see cref="MediaReceiver"/>'s shared threads. It latches to where
/// the peer's packets really come from (symmetric RTP, RFC 4961), counts what it refuses, keeps the receive
/// statistics of the peer's stream and reports inactivity. Open one with <see cref="MediaReceiver.OpenEndpoint"/>;
/// dispose it to close the sockets and return the ports.
/// </summary>
public sealed partial class RtpEndpoint : IDisposable
{
    private readonly MediaReceiveLoop _loop;
    private readonly Socket _rtpSocket;
    private readonly Socket _rtcpSocket;
    private readonly RtpPortLease _lease;
    private readonly IRtpEndpointHandler _handler;
    private readonly TimeProvider _timeProvider;
    private readonly Action<RtpEndpoint> _onDisposed;
    private readonly IPEndPoint _endPointTemplate;
    private ReceiveRegistration? _rtpRegistration;
    private ReceiveRegistration? _rtcpRegistration;
    private SocketAddress? _rtpDestination;
    private SocketAddress? _rtcpDestination;
    private IPEndPoint? _remoteRtp;
    private IPEndPoint? _remoteRtcp;
    private long _rtpSent;
    private long _rtcpSent;
    private long _sendFailures;
    private long _sendsWithoutDestination;
    private int _disposed;

    internal RtpEndpoint(
        MediaReceiveLoop loop,
        Socket rtpSocket,
        Socket rtcpSocket,
        RtpPortLease lease,
        IRtpEndpointHandler handler,
        RtpPayloadTypeSet payloadTypes,
        int clockRate,
        MediaTransportOptions options,
        TimeProvider timeProvider,
        Action<RtpEndpoint> onDisposed)
    {
        _loop = loop;
        _rtpSocket = rtpSocket;
        _rtcpSocket = rtcpSocket;
        _lease = lease;
        _handler = handler;
        _timeProvider = timeProvider;
        _onDisposed = onDisposed;
        LocalRtpEndPoint = (IPEndPoint)rtpSocket.LocalEndPoint!;
        LocalRtcpEndPoint = (IPEndPoint)rtcpSocket.LocalEndPoint!;
        _endPointTemplate = new IPEndPoint(LocalRtpEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        long frequency = timeProvider.TimestampFrequency;
        long now = timeProvider.GetTimestamp();
        _relatchAfter = TimestampTicks.FromTimeSpan(options.RelatchAfterSilence, frequency);
        _latch = new SymmetricRtpLatch(LocalRtpEndPoint.AddressFamily, options.LatchConfirmPackets, _relatchAfter);
        _latch.Configure(null, payloadTypes);
        _arrivalClock = new RtpArrivalClock(clockRate, frequency, now);
        _lastRtpArrival = now;
        InactivityTimeout = options.InactivityTimeout;
    }

    /// <summary>The local address and port RTP is received and sent on.</summary>
    public IPEndPoint LocalRtpEndPoint { get; }

    /// <summary>The local address and port RTCP is received and sent on (RTP port + 1).</summary>
    public IPEndPoint LocalRtcpEndPoint { get; }

    /// <summary>Where RTP is sent: the latched source once the peer's packets arrive, the SDP address before; null if neither.</summary>
    public IPEndPoint? RemoteRtpEndPoint => Volatile.Read(ref _remoteRtp);

    /// <summary>Where RTCP is sent: the latched RTCP source, else the SDP RTCP address; null if neither.</summary>
    public IPEndPoint? RemoteRtcpEndPoint => Volatile.Read(ref _remoteRtcp);

    /// <summary>True once RTP has latched to the address the peer's packets come from.</summary>
    public bool IsLatched
    {
        get
        {
            lock (_receiveLock)
            {
                return _latch.Latched is not null;
            }
        }
    }

    /// <summary>True once the endpoint has been disposed.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>A snapshot of the packet counters.</summary>
    public RtpEndpointCounters Counters => new(
        Volatile.Read(ref _rtpReceived),
        Volatile.Read(ref _rtpBytesReceived),
        Volatile.Read(ref _rtpMalformed),
        Volatile.Read(ref _rtpUnexpectedPayloadType),
        Volatile.Read(ref _rtpFromOtherSources),
        Volatile.Read(ref _rtcpReceived),
        Volatile.Read(ref _rtcpMalformed),
        Volatile.Read(ref _rtcpFromOtherSources),
        Volatile.Read(ref _latches),
        Interlocked.Read(ref _rtpSent),
        Interlocked.Read(ref _rtcpSent),
        Interlocked.Read(ref _sendFailures),
        Interlocked.Read(ref _sendsWithoutDestination));

    /// <summary>
    /// Sets the peer's media addresses and the payload types to accept, from the SDP offer/answer. A changed RTP
    /// address drops the latch (the peer moved); the same address keeps it. Also restarts the inactivity timer.
    /// </summary>
    /// <param name="remoteRtp">The SDP connection address and media port; null while unknown.</param>
    /// <param name="remoteRtcp">The RTCP address (port + 1 unless the SDP says otherwise); null while unknown.</param>
    /// <param name="payloadTypes">Payload types negotiated for this stream, including telephone-event.</param>
    /// <exception cref="ArgumentException">An address is of another family than the local one.</exception>
    public void Configure(IPEndPoint? remoteRtp, IPEndPoint? remoteRtcp, RtpPayloadTypeSet payloadTypes)
    {
        CheckFamily(remoteRtp, nameof(remoteRtp));
        CheckFamily(remoteRtcp, nameof(remoteRtcp));
        var advertisedRtp = remoteRtp?.Serialize();
        var advertisedRtcp = remoteRtcp?.Serialize();
        lock (_receiveLock)
        {
            _latch.Configure(advertisedRtp, payloadTypes);
            if (!Equals(advertisedRtcp, _advertisedRtcp))
            {
                _advertisedRtcp = advertisedRtcp;
                _latchedRtcp = null;
            }

            PublishRtpDestination(_latch.Latched ?? advertisedRtp);
            PublishRtcpDestination(_latchedRtcp ?? advertisedRtcp);
        }

        Volatile.Write(ref _lastRtpArrival, _timeProvider.GetTimestamp());
        Volatile.Write(ref _inactivityReported, 0);
    }

    /// <summary>
    /// Sends one RTP packet to <see cref="RemoteRtpEndPoint"/>, synchronously and without allocating. Returns false
    /// (and counts it) when there is no destination yet or the operating system refuses the packet. Thread-safe.
    /// </summary>
    public bool SendRtp(ReadOnlySpan<byte> packet) => Send(_rtpSocket, Volatile.Read(ref _rtpDestination), packet, ref _rtpSent);

    /// <summary>Sends one compound RTCP packet to <see cref="RemoteRtcpEndPoint"/>; as <see cref="SendRtp"/>.</summary>
    public bool SendRtcp(ReadOnlySpan<byte> packet) => Send(_rtcpSocket, Volatile.Read(ref _rtcpDestination), packet, ref _rtcpSent);

    /// <summary>
    /// Closes both sockets and returns the ports. When called from outside the receive callbacks, no callback for
    /// this endpoint runs after it returns; when called from inside one (any endpoint's), a callback already running
    /// on another receive thread may still finish, and none starts afterwards.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_rtpRegistration is not null && _rtcpRegistration is not null)
        {
            _loop.Unregister(_rtpRegistration, _rtcpRegistration);
        }

        _rtpSocket.Dispose();
        _rtcpSocket.Dispose();
        _lease.Dispose();
        _onDisposed(this);
    }

    /// <summary>Starts receiving; called once by the receiver after construction.</summary>
    internal void Start() => (_rtpRegistration, _rtcpRegistration) = _loop.Register(this, _rtpSocket, _rtcpSocket);

    private bool Send(Socket socket, SocketAddress? destination, ReadOnlySpan<byte> packet, ref long sent)
    {
        if (destination is null)
        {
            Interlocked.Increment(ref _sendsWithoutDestination);
            return false;
        }

        try
        {
            socket.SendTo(packet, SocketFlags.None, destination);
            Interlocked.Increment(ref sent);
            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Interlocked.Increment(ref _sendFailures);
            return false;
        }
    }

    private void CheckFamily(IPEndPoint? remote, string name)
    {
        if (remote is not null && remote.AddressFamily != LocalRtpEndPoint.AddressFamily)
        {
            throw new ArgumentException($"The remote address {remote} is not of the local address family {LocalRtpEndPoint.AddressFamily}.", name);
        }
    }

    private void PublishRtpDestination(SocketAddress? destination)
    {
        Volatile.Write(ref _remoteRtp, destination is null ? null : (IPEndPoint)_endPointTemplate.Create(destination));
        Volatile.Write(ref _rtpDestination, destination);
    }

    private void PublishRtcpDestination(SocketAddress? destination)
    {
        Volatile.Write(ref _remoteRtcp, destination is null ? null : (IPEndPoint)_endPointTemplate.Create(destination));
        Volatile.Write(ref _rtcpDestination, destination);
    }
}
