using System.Net;
using System.Net.Sockets;

namespace CallCenter.Sip.Transport.Udp;

/// <summary>All UDP sockets of the layer and the choice of which one sends a datagram.</summary>
internal sealed class UdpTransport
{
    private const int SendAddressCacheCapacity = 16384;

    private readonly TransportContext _context;
    private readonly SendAddressCache _sendAddresses = new(SendAddressCacheCapacity);
    private readonly UdpChannel[] _channels;
    private readonly UdpChannel? _defaultIPv4;
    private readonly UdpChannel? _defaultIPv6;

    public UdpTransport(TransportContext context, IReadOnlyList<UdpChannel> channels)
    {
        _context = context;
        _channels = [.. channels];
        _defaultIPv4 = Array.Find(_channels, c => c.LocalEndPoint.AddressFamily == AddressFamily.InterNetwork);
        _defaultIPv6 = Array.Find(_channels, c => c.LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6);
        EndPoints = Array.ConvertAll(_channels, c => c.LocalEndPoint);
    }

    public IReadOnlyList<IPEndPoint> EndPoints { get; }

    public void Start()
    {
        foreach (var channel in _channels)
        {
            channel.Start();
        }
    }

    /// <summary>
    /// Sends one datagram from the socket bound to <paramref name="local"/> if given (a response should leave from
    /// where the request arrived, RFC 3261 §18.2.2, RFC 3581 §4), else from the first socket of the remote's family.
    /// </summary>
    public bool Send(ReadOnlySpan<byte> datagram, IPEndPoint remote, IPEndPoint? local)
    {
        var channel = local == null ? DefaultFor(remote.AddressFamily) : Find(local) ?? DefaultFor(remote.AddressFamily);
        if (channel == null || channel.LocalEndPoint.AddressFamily != remote.AddressFamily)
        {
            _context.Counters.UdpSendFailed();
            return false;
        }

        return channel.Send(datagram, _sendAddresses.Get(remote), remote);
    }

    public async Task StopAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        await Task.WhenAll(Array.ConvertAll(_channels, c => c.Stopped)).ConfigureAwait(false);
    }

    private UdpChannel? DefaultFor(AddressFamily family) =>
        family == AddressFamily.InterNetworkV6 ? _defaultIPv6 : _defaultIPv4;

    private UdpChannel? Find(IPEndPoint local)
    {
        foreach (var channel in _channels)
        {
            if (channel.LocalEndPoint.Equals(local))
            {
                return channel;
            }
        }

        // A socket bound to a wildcard address receives for every local address on its port.
        foreach (var channel in _channels)
        {
            var bound = channel.LocalEndPoint;
            if (bound.Port == local.Port && bound.AddressFamily == local.AddressFamily
                && (bound.Address.Equals(IPAddress.Any) || bound.Address.Equals(IPAddress.IPv6Any)))
            {
                return channel;
            }
        }

        return null;
    }
}
