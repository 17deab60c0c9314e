using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CallCenter.Sip.Transport.Logging;

namespace CallCenter.Sip.Transport.Tcp;

/// <summary>
/// Opens outgoing TCP connections (RFC 3261 §18.1.1, §18.2.2 when the original connection is gone). Concurrent
/// sends to the same destination share one connect attempt instead of opening one connection each.
/// </summary>
internal sealed class TcpConnector
{
    private readonly ConcurrentDictionary<IPEndPoint, Task<TcpConnection?>> _pending = new();
    private readonly TransportContext _context;
    private readonly TcpConnectionTable _table;
    private readonly Func<Socket, bool, TcpConnection?> _open;

    /// <param name="context">Settings, counters, clock and logging.</param>
    /// <param name="table">Where the connection limit is enforced.</param>
    /// <param name="open">
    /// Adds a connected socket (its slot reserved) to the table and starts its read loop; null if it failed.
    /// </param>
    public TcpConnector(
        TransportContext context,
        TcpConnectionTable table,
        Func<Socket, bool, TcpConnection?> open)
    {
        _context = context;
        _table = table;
        _open = open;
    }

    /// <summary>An open connection to <paramref name="remote"/>, or null if none could be made in time.</summary>
    public Task<TcpConnection?> ConnectAsync(IPEndPoint remote, CancellationToken stopping)
    {
        if (_pending.TryGetValue(remote, out var inFlight))
        {
            return inFlight;
        }

        var attempt = new TaskCompletionSource<TcpConnection?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(remote, attempt.Task))
        {
            return _pending.TryGetValue(remote, out inFlight) ? inFlight : Task.FromResult<TcpConnection?>(null);
        }

        _ = CompleteAsync(remote, attempt, stopping);
        return attempt.Task;
    }

    private async Task CompleteAsync(
        IPEndPoint remote,
        TaskCompletionSource<TcpConnection?> attempt,
        CancellationToken stopping)
    {
        TcpConnection? connection = null;
        try
        {
            connection = await OpenAsync(remote, stopping).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(KeyValuePair.Create(remote, attempt.Task));
            attempt.TrySetResult(connection);
        }
    }

    private async Task<TcpConnection?> OpenAsync(IPEndPoint remote, CancellationToken stopping)
    {
        if (!_table.TryReserveSlot())
        {
            return Fail(remote, $"{_table.MaxConnections} connections already open");
        }

        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource(_context.Options.TcpConnectTimeout, _context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stopping);
        try
        {
            await socket.ConnectAsync(remote, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Dispose();
            _table.ReleaseSlot();
            return Fail(remote, timeout.IsCancellationRequested ? "timed out" : e.Message);
        }

        return _open(socket, true) ?? Fail(remote, "connection reset while opening");
    }

    private TcpConnection? Fail(IPEndPoint remote, string reason)
    {
        _context.Counters.TcpConnectFailed();
        TransportLog.TcpConnectFailed(_context.Logger, remote, reason);
        return null;
    }
}
