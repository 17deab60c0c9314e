using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CallCenter.Sip.Transport.Udp;

/// <summary>
/// Keeps the serialized <see cref="SocketAddress"/> of each recent destination so that a UDP send allocates nothing
/// (<see cref="IPEndPoint.Serialize"/> allocates). Safe for concurrent senders; a cached SocketAddress is only
/// ever read after it is published.
/// </summary>
/// <remarks>Bounded approximately: when full it starts again empty
/// (concurrent adds may briefly overshoot the capacity by the number of senders).</remarks>
internal sealed class SendAddressCache
{
    private readonly ConcurrentDictionary<IPEndPoint, SocketAddress> _entries = new();
    private readonly int _capacity;
    private int _added;

    public SendAddressCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>Number of cached addresses.</summary>
    public int Count => _entries.Count;

    public SocketAddress Get(IPEndPoint remote)
    {
        if (_entries.TryGetValue(remote, out var known))
        {
            return known;
        }

        // The key is a private copy: IPEndPoint and IPAddress are mutable and the caller's instance may change.
        var key = CopyOf(remote);
        var address = key.Serialize();
        if (Volatile.Read(ref _added) >= _capacity)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _added, 0);
        }

        if (_entries.TryAdd(key, address))
        {
            Interlocked.Increment(ref _added);
        }

        return address;
    }

    private static IPEndPoint CopyOf(IPEndPoint endPoint)
    {
        var address = endPoint.Address;
        var copy = address.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPAddress(address.GetAddressBytes(), address.ScopeId)
            : new IPAddress(address.GetAddressBytes());
        return new IPEndPoint(copy, endPoint.Port);
    }
}
