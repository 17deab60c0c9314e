using System.Net;
using CallCenter.Media.Sdp;

namespace CallCenter.Media.Tests.Sdp;

/// <summary>Addresses of o=, c= and a=rtcp (RFC 4566 §5.7, §9).</summary>
public class SdpAddressTests
{
    [Theory]
    [InlineData(SdpAddressType.Ip4, "192.0.2.1")]
    [InlineData(SdpAddressType.Ip4, "0.0.0.0")]
    [InlineData(SdpAddressType.Ip4, "255.255.255.255")]
    [InlineData(SdpAddressType.Ip4, "host.example.com")]
    [InlineData(SdpAddressType.Ip4, "localhost")]
    [InlineData(SdpAddressType.Ip4, "a-1.b2")]
    [InlineData(SdpAddressType.Ip6, "2001:db8::1")]
    [InlineData(SdpAddressType.Ip6, "::")]
    [InlineData(SdpAddressType.Ip6, "::ffff:192.0.2.1")]
    [InlineData(SdpAddressType.Ip6, "FE80::ABCD")]
    [InlineData(SdpAddressType.Ip6, "host.example.com")]
    public void Valid_addresses_are_accepted(SdpAddressType type, string address)
    {
        Assert.Null(SdpAddress.Check(type, address));
    }

    [Theory]
    [InlineData(SdpAddressType.Ip4, "", "empty")]
    [InlineData(SdpAddressType.Ip4, "256.0.0.1", "not a valid IPv4")]
    [InlineData(SdpAddressType.Ip4, "192.0.2", "not a valid IPv4")]
    [InlineData(SdpAddressType.Ip4, "192.0.2.01", "not a valid IPv4")]
    [InlineData(SdpAddressType.Ip4, "1.2.3.4.5", "not a valid IPv4")]
    [InlineData(SdpAddressType.Ip4, "2001:db8::1", "address type is IP4")]
    [InlineData(SdpAddressType.Ip6, "192.0.2.1", "address type is IP6")]
    [InlineData(SdpAddressType.Ip6, "2001:db8::g", "not a valid IPv6")]
    [InlineData(SdpAddressType.Ip6, "fe80::1%eth0", "not a valid IPv6")]
    [InlineData(SdpAddressType.Ip4, "host..example", "neither an IP address nor a domain name")]
    [InlineData(SdpAddressType.Ip4, ".example", "neither an IP address nor a domain name")]
    [InlineData(SdpAddressType.Ip4, "ex ample", "neither an IP address nor a domain name")]
    public void Invalid_addresses_are_refused_with_a_reason(SdpAddressType type, string address, string reason)
    {
        Assert.Contains(reason, SdpAddress.Check(type, address), StringComparison.Ordinal);
    }

    [Fact]
    public void Literals_become_IP_addresses_and_names_do_not()
    {
        Assert.Equal(IPAddress.Parse("192.0.2.1"), SdpAddress.TryParseLiteral(SdpAddressType.Ip4, "192.0.2.1"));
        Assert.Equal(IPAddress.IPv6Loopback, SdpAddress.TryParseLiteral(SdpAddressType.Ip6, "::1"));
        Assert.Null(SdpAddress.TryParseLiteral(SdpAddressType.Ip4, "host.example.com"));
        Assert.Equal(SdpAddressType.Ip6, SdpAddress.TypeOf(IPAddress.IPv6Loopback));
        Assert.Equal(SdpAddressType.Ip4, SdpAddress.TypeOf(IPAddress.Loopback));
    }

    [Theory]
    [InlineData(SdpAddressType.Ip4, "0.0.0.0", true, false)]
    [InlineData(SdpAddressType.Ip6, "::", true, false)]
    [InlineData(SdpAddressType.Ip4, "192.0.2.1", false, false)]
    [InlineData(SdpAddressType.Ip4, "224.0.0.1", false, true)]
    [InlineData(SdpAddressType.Ip4, "239.255.255.255", false, true)]
    [InlineData(SdpAddressType.Ip4, "240.0.0.1", false, false)]
    [InlineData(SdpAddressType.Ip6, "ff02::1", false, true)]
    [InlineData(SdpAddressType.Ip4, "host.example.com", false, false)]
    public void Connections_know_hold_and_multicast_addresses(SdpAddressType type, string address, bool unspecified, bool multicast)
    {
        var connection = new SdpConnection(type, address);

        Assert.Equal((unspecified, multicast), (connection.IsUnspecified, connection.IsMulticast));
    }

    [Fact]
    public void A_connection_for_an_IP_address_has_the_matching_type()
    {
        Assert.Equal("IN IP6 2001:db8::5", SdpConnection.For(IPAddress.Parse("2001:db8::5")).ToString());
        Assert.Equal("IN IP4 192.0.2.5", SdpConnection.For(IPAddress.Parse("192.0.2.5")).ToString());
    }
}
