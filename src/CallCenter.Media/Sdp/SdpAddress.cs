using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace CallCenter.Media.Sdp;

/// <summary>
/// Checks and reads the unicast addresses of o=, c= and a=rtcp (RFC 4566 §5.2, §5.7, §9): an IP literal
/// of the declared address type, or a domain name.
/// </summary>
public static class SdpAddress
{
    private static readonly SearchValues<char> DomainChars =
        SearchValues.Create("-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static readonly SearchValues<char> Ipv6Chars = SearchValues.Create(".0123456789:ABCDEFabcdef");

    /// <summary>
    /// Returns null when <paramref name="address"/> is a valid address of <paramref name="type"/>,
    /// otherwise what is wrong with it.
    /// </summary>
    public static string? Check(SdpAddressType type, string address)
    {
        if (address.Length == 0)
        {
            return "the address is empty";
        }

        if (LooksLikeIpv4(address))
        {
            if (TryParseIpv4(address) is null)
            {
                return $"'{address}' is not a valid IPv4 address";
            }

            return type == SdpAddressType.Ip4 ? null : $"'{address}' is an IPv4 address but the address type is IP6";
        }

        if (address.Contains(':'))
        {
            if (TryParseIpv6(address) is null)
            {
                return $"'{address}' is not a valid IPv6 address";
            }

            return type == SdpAddressType.Ip6 ? null : $"'{address}' is an IPv6 address but the address type is IP4";
        }

        return IsDomainName(address) ? null : $"'{address}' is neither an IP address nor a domain name";
    }

    /// <summary>The IP address when <paramref name="address"/> is a literal of <paramref name="type"/>; null for a domain name.</summary>
    public static IPAddress? TryParseLiteral(SdpAddressType type, string address) =>
        type == SdpAddressType.Ip4 ? TryParseIpv4(address) : TryParseIpv6(address);

    /// <summary>The address type that matches an IP address's family.</summary>
    public static SdpAddressType TypeOf(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? SdpAddressType.Ip6 : SdpAddressType.Ip4;

    /// <summary>True for a dotted-quad shape (digits and dots only), which must then be a valid IPv4 literal.</summary>
    private static bool LooksLikeIpv4(string address) =>
        address.AsSpan().IndexOfAnyExcept("0123456789.") < 0;

    /// <summary>
    /// Strict dotted-quad: four decimal octets 0-255 without leading zeros. IPAddress.TryParse would also take
    /// the legacy forms ("10.1", "0x7f.1") that RFC 4566's IP4-address rule excludes.
    /// </summary>
    private static IPAddress? TryParseIpv4(string address)
    {
        var parts = address.Split('.');
        if (parts.Length != 4)
        {
            return null;
        }

        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || !SdpSyntax.TryParseInt(part, 0, 255, out var octet))
            {
                return null;
            }

            bytes[i] = (byte)octet;
        }

        return new IPAddress(bytes);
    }

    /// <summary>An IPv6 literal without brackets or zone index, which SDP cannot carry.</summary>
    private static IPAddress? TryParseIpv6(string address)
    {
        if (address.AsSpan().ContainsAnyExcept(Ipv6Chars) || !address.Contains(':'))
        {
            return null;
        }

        return IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 ? ip : null;
    }

    /// <summary>Letters, digits, hyphens and dots, with at least one letter and no empty label.</summary>
    private static bool IsDomainName(string address) =>
        !address.AsSpan().ContainsAnyExcept(DomainChars)
        && (address.AsSpan().ContainsAnyInRange('A', 'Z') || address.AsSpan().ContainsAnyInRange('a', 'z'))
        && !address.StartsWith('.') && !address.EndsWith('.') && !address.Contains("..", StringComparison.Ordinal);
}
