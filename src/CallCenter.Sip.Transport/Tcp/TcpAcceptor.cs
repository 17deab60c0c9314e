using System.Net;
using System.Net.Sockets;
using CallCenter.Sip.Transport.Logging;

namespace CallCenter.Sip.Transport.Tcp;

/// <summary>One listening TCP socket and its accept loop.</summary>
internal sealed class TcpAcceptor : IDisposable
{
    private const int Backlog = 1024;

    // After an unexpected accept error (e.g. out of file descriptors) pause briefly instead of spinning.
    private static readonly TimeSpan ErrorPause = TimeSpan.FromMilliseconds(50);

    private readonly Socket _listener;
    private readonly TransportContext _context;

    private TcpAcceptor(Socket listener, TransportContext context)
    {
        _listener = listener;
        _context = context;
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
    }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Binds and listens; throws <see cref="SocketException"/> if the address cannot be bound.</summary>
    public static TcpAcceptor Bind(IPEndPoint endPoint, TransportContext context)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (endPoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false;
            }

            AllowRebindOverTimeWait(socket);
            socket.Bind(endPoint);
            socket.Listen(Backlog);
            return new TcpAcceptor(socket, context);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Accepts until the token is cancelled or the socket is closed.</summary>
    public async Task RunAsync(Action<Socket> onAccepted, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await _listener.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                break;
            }
            catch (SocketException e)
            {
                if (stopping.IsCancellationRequested)
                {
                    break;
                }

                if (_context.PeerErrorLog.TryAcquire(out long suppressed))
                {
                    TransportLog.TcpAcceptError(_context.Logger, LocalEndPoint, e.SocketErrorCode, suppressed);
                }

                if (!await PauseAsync(stopping).ConfigureAwait(false))
                {
                    break;
                }

                continue;
            }

            onAccepted(accepted);
        }
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>
    /// On Linux and macOS a restarted server could not listen again while connections it closed sit in TIME_WAIT.
    /// Plain SO_REUSEADDR (set directly: .NET's ReuseAddress also sets SO_REUSEPORT, which would let a second
    /// process share the port) fixes that and still refuses a port another socket is listening on.
    /// </summary>
    private static void AllowRebindOverTimeWait(Socket socket)
    {
        const int enabled = 1;
        if (OperatingSystem.IsLinux())
        {
            socket.SetRawSocketOption(1 /* SOL_SOCKET */, 2 /* SO_REUSEADDR */, BitConverter.GetBytes(enabled));
        }
        else if (OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            socket.SetRawSocketOption(0xffff /* SOL_SOCKET */, 4 /* SO_REUSEADDR */, BitConverter.GetBytes(enabled));
        }
    }

    private async Task<bool> PauseAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(ErrorPause, _context.Time, stopping).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
