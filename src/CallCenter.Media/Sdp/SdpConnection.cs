using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CallCenter.Media.Sdp;

/// <summary>
/// A c= line (RFC 4566 §5.7): where media is sent. At session level it applies to every media description
/// that has none of its own. c=IN IP4 0.0.0.0 is the RFC 2543 way of putting a call on hold (RFC 3264 §8.4).
/// </summary>
/// <param name="AddressType">IP4 or IP6.</param>
/// <param name="Address">An IP literal or a domain name.</param>
public sealed record SdpConnection(SdpAddressType AddressType, string Address)
{
    /// <summary>The TTL of an IPv4 multicast address ("/127"); null for unicast.</summary>
    public int? Ttl { get; init; }

    /// <summary>The number of consecutive multicast addresses ("/3"); null when not given.</summary>
    public int? AddressCount { get; init; }

    /// <summary>The address as an IP address, or null when it is a domain name.</summary>
    public IPAddress? IpAddress => SdpAddress.TryParseLiteral(AddressType, Address);

    /// <summary>True for 0.0.0.0 and ::, the hold addresses of RFC 2543.</summary>
    public bool IsUnspecified => IpAddress is { } ip && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any));

    /// <summary>True for an IPv4 or IPv6 multicast literal.</summary>
    public bool IsMulticast => IpAddress is { } ip && (ip.IsIPv6Multicast || (ip.AddressFamily == AddressFamily.InterNetwork && ip.GetAddressBytes()[0] is >= 224 and <= 239));

    /// <summary>A unicast connection to <paramref name="address"/>.</summary>
    public static SdpConnection For(IPAddress address) => new(SdpAddress.TypeOf(address), address.ToString());

    /// <summary>
    /// The endpoint for <paramref name="port"/>: an <see cref="IPEndPoint"/> for an IP literal, a
    /// <see cref="DnsEndPoint"/> (to be resolved by the caller) for a domain name.
    /// </summary>
    public EndPoint ToEndPoint(int port) => IpAddress is { } ip
        ? new IPEndPoint(ip, port)
        : new DnsEndPoint(Address, port, AddressType == SdpAddressType.Ip6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork);

    /// <summary>The value of the c= line, e.g. "IN IP4 192.0.2.10" or "IN IP4 224.2.1.1/127/3".</summary>
    public override string ToString()
    {
        var text = $"IN {SdpSyntax.ToText(AddressType)} {Address}";
        if (Ttl is { } ttl)
        {
            text += "/" + ttl.ToString(CultureInfo.InvariantCulture);
        }

        if (AddressCount is { } count)
        {
            text += "/" + count.ToString(CultureInfo.InvariantCulture);
        }

        return text;
    }
}
