using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CallCenter.Sip.Core;

/// <summary>
/// Finds the local address to write in Via and Contact for a given destination when the stack listens on
/// a wildcard address: the kernel's route choice, learnt by connecting (not sending) a UDP socket. Results
/// are cached per destination address. A configured public address (NAT) always wins.
/// </summary>
public sealed class LocalAddressResolver(IPAddress? publicAddress)
{
    private const int MaxCached = 4096;
    private readonly ConcurrentDictionary<IPAddress, IPAddress> _cache = new();

    /// <summary>The address the peer at <paramref name="destination"/> should use to reach us.</summary>
    public IPAddress For(IPAddress destination)
    {
        if (publicAddress is not null)
        {
            return publicAddress;
        }

        if (_cache.TryGetValue(destination, out var cached))
        {
            return cached;
        }

        var local = Probe(destination);
        if (_cache.Count < MaxCached)
        {
            _cache[destination] = local;
        }

        return local;
    }

    private static IPAddress Probe(IPAddress destination)
    {
        try
        {
            using var socket = new Socket(destination.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            socket.Connect(new IPEndPoint(destination, 9));
            return ((IPEndPoint)socket.LocalEndPoint!).Address;
        }
        catch (SocketException)
        {
            return destination.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        }
    }

    /// <summary>Formats an address as a SIP host (IPv6 in brackets, §19.1.1).</summary>
    public static string HostText(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();
}
