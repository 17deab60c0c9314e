using System.Net;
using System.Net.Sockets;
using CallCenter.Sip.Core;

namespace CallCenter.Sip.Tests.Core;

/// <summary>The address written into Via and Contact for a destination.</summary>
public sealed class LocalAddressResolverTests
{
    [Fact]
    public void A_configured_public_address_always_wins()
    {
        var resolver = new LocalAddressResolver(IPAddress.Parse("203.0.113.5"));

        Assert.Equal(IPAddress.Parse("203.0.113.5"), resolver.For(IPAddress.Loopback));
        Assert.Equal(IPAddress.Parse("203.0.113.5"), resolver.For(IPAddress.Parse("192.0.2.1")));
    }

    [Fact]
    public void A_loopback_destination_is_reached_from_the_loopback_address()
    {
        var resolver = new LocalAddressResolver(null);

        Assert.Equal(IPAddress.Loopback, resolver.For(IPAddress.Loopback));
        Assert.Equal(IPAddress.Loopback, resolver.For(IPAddress.Loopback));
    }

    [Fact]
    public void An_unroutable_IPv6_destination_falls_back_to_the_IPv6_loopback_or_the_routed_address()
    {
        var resolver = new LocalAddressResolver(null);

        var local = resolver.For(IPAddress.Parse("2001:db8::1"));

        Assert.Equal(AddressFamily.InterNetworkV6, local.AddressFamily);
    }

    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8::7", "[2001:db8::7]")]
    [InlineData("::1", "[::1]")]
    public void Addresses_are_written_as_SIP_hosts(string address, string host) =>
        Assert.Equal(host, LocalAddressResolver.HostText(IPAddress.Parse(address)));
}
