using System.Net;
using CallCenter.Media.Rtp;
using CallCenter.Media.Transport.Native;
using CallCenter.Media.Transport.Polling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Media.Transport;

/// <summary>
/// Receives RTP and RTCP for every call leg with a small fixed number of threads (<see
/// cref="MediaTransportOptions.ReceiveThreads"/>) instead of an async loop per socket. Each thread waits on
/// Linux epoll (Socket.Select elsewhere) for whichever of its sockets are readable and reads them synchronously,
/// allocation-free. Opens the <see cref="RtpEndpoint"/>s, spreading them over the threads, and checks them for
/// inactivity on a timer. Thread-safe.
/// </summary>
public sealed partial class MediaReceiver : IDisposable
{
    /// <summary>Port pairs tried before giving up when other processes hold ports of the range.</summary>
    private const int MaxBindAttempts = 32;

    private readonly MediaTransportOptions _options;
    private readonly RtpPortPool _ports;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly MediaReceiveLoop[] _loops;
    private readonly ITimer _inactivityTimer;
    private readonly Lock _lock = new();
    private RtpEndpoint[] _endpoints = [];
    private int _nextLoop;
    private int _disposed;

    /// <summary>Starts the receive threads and the inactivity timer.</summary>
    /// <param name="options">Transport settings; validated here.</param>
    /// <param name="ports">The port pool endpoints take their pairs from.</param>
    /// <param name="timeProvider">Clock for arrival times and inactivity; the system clock by default.</param>
    /// <param name="logger">Logger for handler failures.</param>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public MediaReceiver(
        MediaTransportOptions options, RtpPortPool ports, TimeProvider? timeProvider = null, ILogger<MediaReceiver>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ports);
        options.Validate();
        _options = options;
        _ports = ports;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        bool epoll = options.UseEpoll && LinuxNative.IsSupported;
        PollerName = epoll ? "epoll" : "select";
        _loops = new MediaReceiveLoop[options.ReceiveThreads];
        var threads = new ReceiveThreadSet();
        for (int i = 0; i < _loops.Length; i++)
        {
            IReadinessPoller poller = epoll ? new EpollPoller(256) : new SelectPoller();
            _loops[i] = new MediaReceiveLoop(poller, _timeProvider, options.ReceiveBatchDelay, threads, _logger, $"Media receive {i}");
        }

        _inactivityTimer = _timeProvider.CreateTimer(
            _ => CheckInactivity(), null, options.InactivityCheckInterval, options.InactivityCheckInterval);
    }

    /// <summary>The readiness mechanism in use: "epoll" or "select".</summary>
    public string PollerName { get; }

    /// <summary>Endpoints open now.</summary>
    public int EndpointCount => Volatile.Read(ref _endpoints).Length;

    /// <summary>Handler callbacks that threw, over all threads.</summary>
    public long HandlerFailures => _loops.Sum(loop => loop.HandlerFailures);

    /// <summary>
    /// Opens an endpoint on <paramref name="localAddress"/> with the next free port pair and starts receiving for it.
    /// Ports held by other processes are skipped.
    /// </summary>
    /// <param name="localAddress">A specific local address (the one advertised in SDP), not a wildcard.</param>
    /// <param name="handler">Receives the endpoint's packets and inactivity reports.</param>
    /// <param name="payloadTypes">Payload types to accept until <see cref="RtpEndpoint.Configure"/> says otherwise.</param>
    /// <param name="clockRate">RTP clock rate of the main payload, for jitter (8000 for G.711).</param>
    /// <exception cref="RtpPortsExhaustedException">No free port pair.</exception>
    /// <exception cref="ObjectDisposedException">The receiver has been disposed.</exception>
    public RtpEndpoint OpenEndpoint(
        IPAddress localAddress, IRtpEndpointHandler handler, RtpPayloadTypeSet payloadTypes, int clockRate = 8000)
    {
        ArgumentNullException.ThrowIfNull(localAddress);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        for (int attempt = 0; attempt < MaxBindAttempts; attempt++)
        {
            var lease = _ports.Allocate();
            if (!MediaSocketFactory.TryBindPair(localAddress, lease, _options, out var rtp, out var rtcp))
            {
                LogPortBusy(_logger, lease.RtpPort);
                lease.Dispose();
                continue;
            }

            var loop = _loops[(int)((uint)Interlocked.Increment(ref _nextLoop) % (uint)_loops.Length)];
            var endpoint = new RtpEndpoint(
                loop, rtp!, rtcp!, lease, handler, payloadTypes, clockRate, _options, _timeProvider, Forget);
            lock (_lock)
            {
                _endpoints = [.. _endpoints, endpoint];
            }

            endpoint.Start();
            return endpoint;
        }

        throw new RtpPortsExhaustedException(_ports.PortMin, _ports.PortMax, _ports.Capacity);
    }

    /// <summary>Stops the threads and the timer and disposes the endpoints still open.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _inactivityTimer.Dispose();
        foreach (var endpoint in Volatile.Read(ref _endpoints))
        {
            endpoint.Dispose();
        }

        foreach (var loop in _loops)
        {
            loop.Dispose();
        }
    }

    private void Forget(RtpEndpoint endpoint)
    {
        lock (_lock)
        {
            int index = Array.IndexOf(_endpoints, endpoint);
            if (index >= 0)
            {
                _endpoints = [.. _endpoints.AsSpan(0, index), .. _endpoints.AsSpan(index + 1)];
            }
        }
    }

    private void CheckInactivity()
    {
        long now = _timeProvider.GetTimestamp();
        foreach (var endpoint in Volatile.Read(ref _endpoints))
        {
            try
            {
                endpoint.CheckInactivity(now);
            }
            catch (Exception e)
            {
                LogInactivityHandlerFailed(_logger, e, endpoint.LocalRtpEndPoint);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "RTP port {Port} or the next one is held by another process; trying the next pair")]
    private static partial void LogPortBusy(ILogger logger, int port);

    [LoggerMessage(Level = LogLevel.Error, Message = "The inactivity handler of the endpoint on {LocalEndPoint} threw")]
    private static partial void LogInactivityHandlerFailed(ILogger logger, Exception exception, IPEndPoint localEndPoint);
}
