using System.Net;
using System.Net.Sockets;
using CallCenter.Sip.Transport.Logging;

namespace CallCenter.Sip.Transport.Udp;

/// <summary>
/// One bound UDP socket with its dedicated receive thread (RFC 3261 §18.1.1/§18.2.1: one SIP message per
/// datagram). The thread blocks in a synchronous receive, which costs far less per packet than an async receive,
/// and calls the handler inline.
/// </summary>
internal sealed class UdpChannel : IDisposable
{
    private const int AddressCacheCapacity = 4096;

    private readonly Socket _socket;
    private readonly TransportContext _context;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _thread;
    private volatile bool _stopping;

    private UdpChannel(Socket socket, TransportContext context)
    {
        _socket = socket;
        _context = context;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    /// <summary>The address and port actually bound.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Completes when the receive thread has exited.</summary>
    public Task Stopped => _stopped.Task;

    /// <summary>Binds a UDP socket; throws <see cref="SocketException"/> if the address cannot be bound.</summary>
    public static UdpChannel Bind(IPEndPoint endPoint, TransportContext context)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (endPoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                // IPv6-only, so that an IPv4 wildcard on the same port can be bound alongside.
                socket.DualMode = false;
            }

            // A burst of requests must queue in the kernel rather than be dropped while the thread is busy.
            socket.ReceiveBufferSize = context.Options.SocketBufferBytes;
            socket.SendBufferSize = context.Options.SocketBufferBytes;
            socket.Bind(endPoint);
            return new UdpChannel(socket, context);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Start()
    {
        _thread = new Thread(ReceiveLoop)
        {
            IsBackground = true,
            Name = $"SIP UDP receive {LocalEndPoint}",
        };
        _thread.Start();
    }

    /// <summary>Sends one datagram synchronously; false (and counted) if the OS refuses it.</summary>
    public bool Send(ReadOnlySpan<byte> datagram, SocketAddress remote, IPEndPoint remoteEndPoint)
    {
        try
        {
            int sent = _socket.SendTo(datagram, SocketFlags.None, remote);
            _context.Counters.UdpSent(sent);
            return true;
        }
        catch (SocketException e)
        {
            _context.Counters.UdpSendFailed();
            TransportLog.UdpSendFailed(_context.Logger, remoteEndPoint, e.SocketErrorCode);
            return false;
        }
        catch (ObjectDisposedException)
        {
            _context.Counters.UdpSendFailed();
            return false;
        }
    }

    /// <summary>Closes the socket, which wakes the receive thread so it can exit.</summary>
    public void Dispose()
    {
        _stopping = true;
        _socket.Dispose();
        if (_thread == null)
        {
            _stopped.TrySetResult();
        }
    }

    private void ReceiveLoop()
    {
        try
        {
            var family = _socket.AddressFamily;
            var dispatcher = new UdpDatagramDispatcher(
                LocalEndPoint, _context, new ReceivedAddressCache(family, AddressCacheCapacity));

            // One byte beyond the limit, so an oversized datagram is seen as such instead of silently truncated.
            var buffer = GC.AllocateUninitializedArray<byte>(_context.Options.MaxDatagramSize + 1);
            var source = new SocketAddress(family, SocketAddress.GetMaximumAddressSize(family));
            while (!_stopping)
            {
                int received;
                try
                {
                    received = _socket.ReceiveFrom(buffer, SocketFlags.None, source);
                }
                catch (ObjectDisposedException)
                {
                    break;
                }
                catch (SocketException e)
                {
                    if (_stopping)
                    {
                        break;
                    }

                    dispatcher.OnReceiveError(e.SocketErrorCode, source);
                    continue;
                }

                // Closing the socket may wake the receive with 0 bytes; that is not a keep-alive.
                if (_stopping)
                {
                    break;
                }

                dispatcher.OnDatagram(buffer.AsSpan(0, received), source);
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }
}
