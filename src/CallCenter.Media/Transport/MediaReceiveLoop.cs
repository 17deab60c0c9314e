using System.Net;
using System.Net.Sockets;
using CallCenter.Media.Transport.Native;
using CallCenter.Media.Transport.Polling;
using Microsoft.Extensions.Logging;

namespace CallCenter.Media.Transport;

/// <summary>
/// One receive thread serving many endpoints: it waits on a poller for any readable socket, reads the datagrams
/// queued on each ready socket synchronously into a reused buffer (no allocation, no async machinery) and hands
/// them to the endpoint inline. After a wake-up that found few packets it may pause briefly so the next wake-up
/// finds several.
/// </summary>
internal sealed partial class MediaReceiveLoop : IDisposable
{
    private const long WakeToken = -1;
    private const int MaxEventsPerWait = 256;

    /// <summary>Below this many ready sockets per wake-up the optional batch delay is applied.</summary>
    private const int BatchThreshold = 64;

    /// <summary>
    /// Datagrams read from one ready socket per wake-up: enough to drain a burst (or a flood) quickly so the kernel
    /// buffer does not overflow, few enough that one busy socket cannot starve the others.
    /// </summary>
    private const int MaxDatagramsPerSocket = 32;

    private readonly IReadinessPoller _poller;
    private readonly ReceiveThreadSet _receiveThreads;
    private readonly LoopWakeup _wakeup = new();
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TimeSpan _batchDelay;
    private readonly Thread _thread;
    private readonly Lock _lock = new();
    private readonly Stack<int> _freeSlots = new();
    private ReceiveRegistration?[] _slots = new ReceiveRegistration?[64];
    private int[] _generations = new int[64];
    private int _slotsUsed;
    private RtpEndpoint? _busyWith;
    private long _handlerFailures;
    private long _receiveErrors;
    private long _lastFailureLog = long.MinValue;
    private volatile bool _stopping;

    public MediaReceiveLoop(
        IReadinessPoller poller, TimeProvider timeProvider, TimeSpan batchDelay, ReceiveThreadSet receiveThreads, ILogger logger, string name)
    {
        _poller = poller;
        _receiveThreads = receiveThreads;
        _timeProvider = timeProvider;
        _logger = logger;
        _batchDelay = poller is EpollPoller ? batchDelay : TimeSpan.Zero;
        _poller.Add(_wakeup.Socket, WakeToken);
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        receiveThreads.Add(_thread);
        _thread.Start();
    }

    /// <summary>Callbacks that threw.</summary>
    public long HandlerFailures => Interlocked.Read(ref _handlerFailures);

    /// <summary>Receives the operating system failed (including spurious wake-ups with nothing to read).</summary>
    public long ReceiveErrors => Interlocked.Read(ref _receiveErrors);

    /// <summary>Starts receiving for both sockets of <paramref name="endpoint"/>; keep the result to unregister.</summary>
    public (ReceiveRegistration Rtp, ReceiveRegistration Rtcp) Register(RtpEndpoint endpoint, Socket rtp, Socket rtcp)
    {
        ReceiveRegistration rtpRegistration;
        ReceiveRegistration rtcpRegistration;
        lock (_lock)
        {
            rtpRegistration = Occupy(rtp, endpoint, isRtcp: false);
            rtcpRegistration = Occupy(rtcp, endpoint, isRtcp: true);
            _poller.Add(rtp, rtpRegistration.Token);
            _poller.Add(rtcp, rtcpRegistration.Token);
        }

        // A select-based wait in progress does not see the new sockets until it is restarted.
        if (_poller is SelectPoller)
        {
            _wakeup.Wake();
        }

        return (rtpRegistration, rtcpRegistration);
    }

    /// <summary>
    /// Stops receiving for an endpoint's two registrations; call it before closing the sockets. On return no
    /// callback for the endpoint is running or will run, except when called on a receive thread (from inside a
    /// callback): waiting there could deadlock two receive threads, so a callback already running elsewhere may
    /// still finish.
    /// </summary>
    public void Unregister(ReceiveRegistration rtp, ReceiveRegistration rtcp)
    {
        var endpoint = rtp.Endpoint;
        lock (_lock)
        {
            Vacate(rtp);
            Vacate(rtcp);
        }

        _wakeup.Wake();

        // Pairs with the exchange in Dispatch: either the loop sees the vacated slot, or this sees it busy and waits.
        Interlocked.MemoryBarrier();
        if (!_receiveThreads.IsCurrentThreadIncluded)
        {
            var spinner = default(SpinWait);
            while (ReferenceEquals(Volatile.Read(ref _busyWith), endpoint))
            {
                spinner.SpinOnce();
            }
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _wakeup.Wake();
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }

        _poller.Dispose();
        _wakeup.Dispose();
    }

    private ReceiveRegistration Occupy(Socket socket, RtpEndpoint endpoint, bool isRtcp)
    {
        if (!_freeSlots.TryPop(out int slot))
        {
            if (_slotsUsed == _slots.Length)
            {
                var slots = new ReceiveRegistration?[_slots.Length * 2];
                Array.Copy(_slots, slots, _slots.Length);
                var generations = new int[slots.Length];
                Array.Copy(_generations, generations, _generations.Length);
                _generations = generations;
                Volatile.Write(ref _slots, slots);
            }

            slot = _slotsUsed++;
        }

        int generation = ++_generations[slot];
        var registration = new ReceiveRegistration(socket, endpoint, isRtcp, ((long)generation << 32) | (uint)slot);
        Volatile.Write(ref _slots[slot], registration);
        return registration;
    }

    private void Vacate(ReceiveRegistration registration)
    {
        _poller.Remove(registration.Socket);
        int slot = (int)(registration.Token & 0xFFFFFFFF);
        if (ReferenceEquals(_slots[slot], registration))
        {
            Volatile.Write(ref _slots[slot], null);
            _freeSlots.Push(slot);
        }
    }

    private ReceiveRegistration? Find(long token)
    {
        var slots = Volatile.Read(ref _slots);
        int slot = (int)(token & 0xFFFFFFFF);
        var registration = (uint)slot < (uint)slots.Length ? Volatile.Read(ref slots[slot]) : null;
        return registration is not null && registration.Token == token ? registration : null;
    }

    private void Run()
    {
        Span<long> ready = new long[MaxEventsPerWait];
        var buffer = new byte[65536];
        var fromV4 = new SocketAddress(AddressFamily.InterNetwork);
        var fromV6 = new SocketAddress(AddressFamily.InterNetworkV6);
        while (!_stopping)
        {
            int count = _poller.Wait(ready, 1000);
            for (int i = 0; i < count && !_stopping; i++)
            {
                if (ready[i] == WakeToken)
                {
                    _wakeup.Drain();
                    continue;
                }

                var registration = Find(ready[i]);
                if (registration is not null)
                {
                    var from = registration.Socket.AddressFamily == AddressFamily.InterNetworkV6 ? fromV6 : fromV4;
                    ReceiveReady(registration, buffer, from);
                }
            }

            if (count is > 0 and < BatchThreshold && _batchDelay > TimeSpan.Zero)
            {
                MonotonicSleep.Sleep(_batchDelay);
            }
        }
    }

    private void ReceiveReady(ReceiveRegistration registration, byte[] buffer, SocketAddress from)
    {
        for (int i = 0; i < MaxDatagramsPerSocket; i++)
        {
            if (!ReceiveOne(registration, buffer, from) || !HasMore(registration.Socket))
            {
                return;
            }
        }
    }

    /// <summary>True when another datagram is queued (FIONREAD: one system call, far cheaper than a failed receive).</summary>
    private static bool HasMore(Socket socket)
    {
        try
        {
            return socket.Available > 0;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>Reads and dispatches one datagram; false when nothing could be read.</summary>
    private bool ReceiveOne(ReceiveRegistration registration, byte[] buffer, SocketAddress from)
    {
        int received;
        try
        {
            received = registration.Socket.ReceiveFrom(buffer, SocketFlags.None, from);
        }
        catch (SocketException)
        {
            // WouldBlock after a spurious wake-up, or an ICMP error reported on the socket (Windows): skip it.
            Interlocked.Increment(ref _receiveErrors);
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }

        var endpoint = registration.Endpoint;
        Interlocked.Exchange(ref _busyWith, endpoint);
        try
        {
            // Re-checked after publishing _busyWith: an endpoint unregistered meanwhile gets no more callbacks.
            if (ReferenceEquals(Find(registration.Token), registration))
            {
                endpoint.OnDatagram(registration.IsRtcp, buffer.AsSpan(0, received), from, _timeProvider.GetTimestamp());
            }
        }
        catch (Exception e)
        {
            OnHandlerFailure(e);
        }
        finally
        {
            Volatile.Write(ref _busyWith, null);
        }

        return true;
    }

    private void OnHandlerFailure(Exception e)
    {
        long failures = Interlocked.Increment(ref _handlerFailures);

        // A handler failing for every packet must not flood the log: at most one entry per second.
        long now = _timeProvider.GetTimestamp();
        if (now - _lastFailureLog >= _timeProvider.TimestampFrequency)
        {
            _lastFailureLog = now;
            LogHandlerFailure(_logger, e, failures);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A media packet handler threw ({Failures} failures so far)")]
    private static partial void LogHandlerFailure(ILogger logger, Exception exception, long failures);
}
