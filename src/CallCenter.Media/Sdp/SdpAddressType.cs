namespace CallCenter.Media.Sdp;

/// <summary>
/// The address type of an address in o=, c= or a=rtcp (RFC 4566 §5.7). The network type is always
/// "IN" (Internet), the only one RFC 4566 defines, so it is not modelled.
/// </summary>
public enum SdpAddressType
{
    /// <summary>"IP4": a dotted-quad IPv4 literal or a domain name.</summary>
    Ip4,

    /// <summary>"IP6": an IPv6 literal or a domain name.</summary>
    Ip6,
}
