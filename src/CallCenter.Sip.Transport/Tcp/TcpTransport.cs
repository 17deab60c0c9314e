using System.Net;
using System.Net.Sockets;
using CallCenter.Sip.Transport.Logging;

namespace CallCenter.Sip.Transport.Tcp;

/// <summary>All TCP listeners and connections of the layer, and the choice of connection for a send.</summary>
internal sealed class TcpTransport
{
    private readonly TransportContext _context;
    private readonly TcpAcceptor[] _acceptors;
    private readonly TcpConnectionTable _table;
    private readonly TcpConnector _connector;
    private readonly TcpIdleSweeper _sweeper;
    private readonly CancellationTokenSource _stopping = new();
    private Task[] _acceptLoops = [];

    public TcpTransport(TransportContext context, IReadOnlyList<TcpAcceptor> acceptors)
    {
        _context = context;
        _acceptors = [.. acceptors];
        _table = new TcpConnectionTable(context.Options.MaxTcpConnections);
        _connector = new TcpConnector(context, _table, TryOpen);
        _sweeper = new TcpIdleSweeper(_table, context);
        EndPoints = Array.ConvertAll(_acceptors, a => a.LocalEndPoint);
    }

    public IReadOnlyList<IPEndPoint> EndPoints { get; }

    internal TcpConnectionTable Table => _table;

    public void Start()
    {
        _acceptLoops = Array.ConvertAll(_acceptors, a => a.RunAsync(OnAccepted, _stopping.Token));
        _sweeper.Start();
    }

    /// <summary>
    /// Sends on connection <paramref name="connectionId"/> if it is still open, else on an open connection to
    /// <paramref name="remote"/>, else on a new outgoing connection.
    /// </summary>
    public ValueTask<bool> SendAsync(ReadOnlyMemory<byte> message, IPEndPoint remote, long connectionId)
    {
        if (connectionId != 0 && _table.TryGet(connectionId, out var byId) && !byId.IsClosed)
        {
            return byId.SendAsync(message);
        }

        if (_table.TryGetByRemote(remote, out var byRemote) && !byRemote.IsClosed)
        {
            return byRemote.SendAsync(message);
        }

        return ConnectAndSendAsync(message, remote);
    }

    /// <summary>Stops accepting, closes every connection and waits for all loops to end.</summary>
    public async Task StopAsync()
    {
        _stopping.Cancel();
        _sweeper.Dispose();
        foreach (var acceptor in _acceptors)
        {
            acceptor.Dispose();
        }

        await Task.WhenAll(_acceptLoops).ConfigureAwait(false);

        var connections = _table.Snapshot();
        foreach (var connection in connections)
        {
            connection.Close("transport stopping");
        }

        await Task.WhenAll(connections.Select(c => c.Completion)).ConfigureAwait(false);
    }

    private async ValueTask<bool> ConnectAndSendAsync(ReadOnlyMemory<byte> message, IPEndPoint remote)
    {
        var connection = await _connector.ConnectAsync(remote, _stopping.Token).ConfigureAwait(false);
        if (connection == null)
        {
            _context.Counters.TcpSendFailed();
            return false;
        }

        return await connection.SendAsync(message).ConfigureAwait(false);
    }

    private void OnAccepted(Socket socket)
    {
        if (!_table.TryReserveSlot())
        {
            _context.Counters.TcpRejected();
            if (_context.PeerErrorLog.TryAcquire(out long suppressed))
            {
                TransportLog.TcpConnectionRefused(
                    _context.Logger, socket.RemoteEndPoint, _table.MaxConnections, suppressed);
            }

            socket.Dispose();
            return;
        }

        TryOpen(socket, outgoing: false);
    }

    /// <summary>
    /// Turns a connected socket, for which a table slot is already reserved, into an open connection with a
    /// running read loop. On failure (the peer reset it already) the socket is closed and the slot released.
    /// </summary>
    private TcpConnection? TryOpen(Socket socket, bool outgoing)
    {
        TcpConnection connection;
        try
        {
            socket.NoDelay = true;
            var remote = (IPEndPoint)socket.RemoteEndPoint!;
            connection = new TcpConnection(_table.NextId(), socket, remote, _context, OnClosed);
        }
        catch (SocketException)
        {
            socket.Dispose();
            _table.ReleaseSlot();
            return null;
        }

        if (outgoing)
        {
            _context.Counters.TcpConnected();
        }
        else
        {
            _context.Counters.TcpAccepted();
        }

        _table.Add(connection);
        TransportLog.TcpConnectionOpened(_context.Logger, connection.Id, outgoing ? "to" : "from", connection.Remote);
        connection.Start();

        // A connection opened while StopAsync was taking its snapshot would otherwise be left open.
        if (_stopping.IsCancellationRequested)
        {
            connection.Close("transport stopping");
        }

        return connection;
    }

    private void OnClosed(TcpConnection connection)
    {
        _context.Counters.TcpClosed();
        _table.Remove(connection);
    }
}
