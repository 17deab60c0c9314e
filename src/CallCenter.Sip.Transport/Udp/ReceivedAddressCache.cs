using System.Net;
using System.Net.Sockets;

namespace CallCenter.Sip.Transport.Udp;

/// <summary>
/// Maps the raw source address of a datagram to an <see cref="IPEndPoint"/>, so that a busy peer costs one
/// IPEndPoint in total instead of one per packet. Used by a single receive thread only (not thread-safe).
/// </summary>
/// <remarks>
/// Bounded: when full it is emptied and refilled by the peers that are active now, which keeps the cost of a
/// scan of many source addresses at one allocation per packet, as without the cache.
/// </remarks>
internal sealed class ReceivedAddressCache
{
    private readonly Dictionary<SocketAddress, IPEndPoint> _entries;
    private readonly IPEndPoint _template;
    private readonly int _capacity;

    public ReceivedAddressCache(AddressFamily family, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _entries = new Dictionary<SocketAddress, IPEndPoint>(capacity);
        _template = new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
    }

    /// <summary>Number of cached addresses.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// The endpoint for <paramref name="address"/>. The argument may be a reused receive buffer: it is copied,
    /// never kept.
    /// </summary>
    public IPEndPoint Resolve(SocketAddress address)
    {
        if (_entries.TryGetValue(address, out var known))
        {
            return known;
        }

        var endPoint = (IPEndPoint)_template.Create(address);
        if (_entries.Count >= _capacity)
        {
            _entries.Clear();
        }

        var key = new SocketAddress(address.Family, address.Size);
        address.Buffer.Span[..address.Size].CopyTo(key.Buffer.Span);
        _entries[key] = endPoint;
        return endPoint;
    }
}
