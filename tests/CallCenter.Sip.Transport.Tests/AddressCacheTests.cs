using System.Net;
using System.Net.Sockets;
using CallCenter.Sip.Transport.Udp;

namespace CallCenter.Sip.Transport.Tests;

public sealed class AddressCacheTests
{
    [Fact]
    public void ReceivedAddressResolvesToTheSameEndPointInstanceEachTime()
    {
        var cache = new ReceivedAddressCache(AddressFamily.InterNetwork, 16);
        var buffer = new SocketAddress(AddressFamily.InterNetwork);
        var source = new IPEndPoint(IPAddress.Parse("192.0.2.7"), 5062).Serialize();
        CopyInto(source, buffer);

        var first = cache.Resolve(buffer);
        var second = cache.Resolve(buffer);

        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.7"), 5062), first);
        Assert.Same(first, second);
    }

    [Fact]
    public void ReceivedAddressCacheCopiesTheReusedReceiveBuffer()
    {
        var cache = new ReceivedAddressCache(AddressFamily.InterNetworkV6, 16);
        var buffer = new SocketAddress(AddressFamily.InterNetworkV6);
        CopyInto(new IPEndPoint(IPAddress.Parse("2001:db8::1"), 5060).Serialize(), buffer);
        var first = cache.Resolve(buffer);

        CopyInto(new IPEndPoint(IPAddress.Parse("2001:db8::2"), 5060).Serialize(), buffer);
        var second = cache.Resolve(buffer);

        Assert.Equal(IPAddress.Parse("2001:db8::1"), first.Address);
        Assert.Equal(IPAddress.Parse("2001:db8::2"), second.Address);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void ReceivedAddressCacheStaysWithinItsCapacity()
    {
        var cache = new ReceivedAddressCache(AddressFamily.InterNetwork, 8);
        for (int port = 1; port <= 100; port++)
        {
            cache.Resolve(new IPEndPoint(IPAddress.Loopback, port).Serialize());
            Assert.InRange(cache.Count, 1, 8);
        }
    }

    [Fact]
    public void SendAddressIsSerializedOnceAndNotAffectedByLaterChangesToTheCallersEndPoint()
    {
        var cache = new SendAddressCache(16);
        var remote = new IPEndPoint(IPAddress.Parse("198.51.100.9"), 5060);

        var first = cache.Get(remote);
        Assert.Same(first, cache.Get(new IPEndPoint(IPAddress.Parse("198.51.100.9"), 5060)));

        remote.Port = 5070;
        var moved = cache.Get(remote);
        Assert.NotSame(first, moved);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.9"), 5060).Serialize(), first);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.9"), 5070).Serialize(), moved);
    }

    [Fact]
    public void SendAddressCacheStaysWithinItsCapacity()
    {
        var cache = new SendAddressCache(8);
        for (int port = 1; port <= 100; port++)
        {
            cache.Get(new IPEndPoint(IPAddress.Loopback, port));
            Assert.InRange(cache.Count, 1, 8);
        }
    }

    private static void CopyInto(SocketAddress source, SocketAddress target)
    {
        source.Buffer.Span[..source.Size].CopyTo(target.Buffer.Span);
        target.Size = source.Size;
    }
}
