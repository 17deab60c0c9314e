using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace CallCenter.Sip.Transport.Tcp;

/// <summary>
/// Open TCP connections, found by id (to answer on the connection a request came in on) and by remote endpoint
/// (to reuse a connection, RFC 3261 §18.1.1, §18.2.2), plus the slot count that enforces the connection limit.
/// </summary>
/// <remarks>
/// If two open connections share a remote endpoint (one accepted, one outgoing), the later one is the one found
/// by endpoint; the other stays reachable by id.
/// </remarks>
internal sealed class TcpConnectionTable
{
    private readonly ConcurrentDictionary<long, TcpConnection> _byId = new();
    private readonly ConcurrentDictionary<IPEndPoint, TcpConnection> _byRemote = new();
    private readonly int _maxConnections;
    private long _lastId;
    private int _slotsInUse;

    public TcpConnectionTable(int maxConnections)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConnections, 1);
        _maxConnections = maxConnections;
    }

    public int Count => _byId.Count;

    public int MaxConnections => _maxConnections;

    /// <summary>A new connection id; ids start at 1 because 0 means "no connection" (UDP).</summary>
    public long NextId() => Interlocked.Increment(ref _lastId);

    /// <summary>Claims room for one more connection; false when the limit is reached.</summary>
    public bool TryReserveSlot()
    {
        if (Interlocked.Increment(ref _slotsInUse) <= _maxConnections)
        {
            return true;
        }

        Interlocked.Decrement(ref _slotsInUse);
        return false;
    }

    /// <summary>Gives back a slot claimed for a connection that never got added (e.g. a failed connect).</summary>
    public void ReleaseSlot() => Interlocked.Decrement(ref _slotsInUse);

    /// <summary>Adds a connection for which a slot was reserved.</summary>
    public void Add(TcpConnection connection)
    {
        _byId[connection.Id] = connection;
        _byRemote[connection.Remote] = connection;
    }

    /// <summary>Removes a connection and frees its slot; repeated calls do nothing.</summary>
    public void Remove(TcpConnection connection)
    {
        if (!_byId.TryRemove(connection.Id, out _))
        {
            return;
        }

        _byRemote.TryRemove(KeyValuePair.Create(connection.Remote, connection));
        ReleaseSlot();
    }

    public bool TryGet(long id, [NotNullWhen(true)] out TcpConnection? connection) =>
        _byId.TryGetValue(id, out connection);

    public bool TryGetByRemote(IPEndPoint remote, [NotNullWhen(true)] out TcpConnection? connection) =>
        _byRemote.TryGetValue(remote, out connection);

    /// <summary>A copy of the open connections, for sweeps and shutdown.</summary>
    public IReadOnlyCollection<TcpConnection> Snapshot() => [.. _byId.Values];
}
