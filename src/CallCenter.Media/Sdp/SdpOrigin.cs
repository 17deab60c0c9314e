using System.Globalization;

namespace CallCenter.Media.Sdp;

/// <summary>
/// The o= line (RFC 4566 §5.2): who created the description and which version of it this is.
/// <see cref="UserName"/>, <see cref="SessionId"/> and the address identify the session; offer/answer
/// (RFC 3264 §8) increments <see cref="SessionVersion"/> by one whenever the description changes.
/// </summary>
/// <param name="UserName">The originator's login, or "-" when there is none; never contains spaces.</param>
/// <param name="SessionId">A numeric string (kept as text so its digits survive unchanged).</param>
/// <param name="SessionVersion">The version of this description.</param>
/// <param name="AddressType">IP4 or IP6.</param>
/// <param name="Address">The originating host: an IP literal or a domain name.</param>
public sealed record SdpOrigin(string UserName, string SessionId, ulong SessionVersion, SdpAddressType AddressType, string Address)
{
    /// <summary>The value of the o= line, e.g. "- 3924 3924 IN IP4 192.0.2.10".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{UserName} {SessionId} {SessionVersion} IN {SdpSyntax.ToText(AddressType)} {Address}");
}
