using System.Net;
using System.Net.Sockets;

namespace CallCenter.Media.Transport.Polling;

/// <summary>
/// A loopback UDP socket that a receive thread watches alongside the media sockets: sending it one byte ends the
/// thread's wait at once, to stop the thread or to make a select-based poller pick up a changed socket set.
/// </summary>
internal sealed class LoopWakeup : IDisposable
{
    private static readonly byte[] Signal = [1];
    private readonly Socket _socket;
    private readonly SocketAddress _self;
    private readonly byte[] _drain = new byte[16];
    private readonly SocketAddress _drainSource;

    public LoopWakeup()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { Blocking = false };
        try
        {
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        _self = _socket.LocalEndPoint!.Serialize();
        _drainSource = new SocketAddress(AddressFamily.InterNetwork);
    }

    /// <summary>The socket to watch.</summary>
    public Socket Socket => _socket;

    /// <summary>Makes the watching thread's wait return.</summary>
    public void Wake()
    {
        try
        {
            _socket.SendTo(Signal, SocketFlags.None, _self);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // A full buffer already holds a wake-up; a closed socket means the thread is stopping anyway.
        }
    }

    /// <summary>Reads every pending wake-up byte, so that level-triggered polling stops reporting the socket.</summary>
    public void Drain()
    {
        try
        {
            while (_socket.Available > 0)
            {
                _socket.ReceiveFrom(_drain, SocketFlags.None, _drainSource);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Nothing left to read.
        }
    }

    public void Dispose() => _socket.Dispose();
}
