using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// The server transport's stamp on the top Via of a received request (RFC 3261 §18.2.1, RFC 3581 §4), which is what
/// lets responses find their way back through NATs (see <see cref="ResponseRouter"/>).
/// </summary>
public static class ViaStamp
{
    /// <summary>
    /// Adds <c>received=&lt;source address&gt;</c> when the sent-by host is a name or an address other than the source
    /// (§18.2.1), and, when <c>rport</c> is present without a value, sets it to the source port and adds
    /// <c>received</c> even if the addresses agree (RFC 3581 §4). Only the top Via element is rewritten; other
    /// elements on the same header line are kept as they are. Applying it twice changes nothing the second time.
    /// Returns true when the header was rewritten.
    /// </summary>
    public static bool Apply(SipRequest request, SipRemote source)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = request.Headers;
        var line = headers.IndexOf(KnownHeader.Via);
        if (line < 0)
        {
            return false;
        }

        var elements = new List<string>(2);
        HeaderValueSplitter.SplitInto(headers.ValueAt(line), elements);
        if (elements.Count == 0 || !ViaHeader.TryParse(elements[0], out var via, out _))
        {
            return false;
        }

        var sourceAddress = Normalize(source.EndPoint.Address);
        var received = FormatReceived(sourceAddress);
        var rportWanted = via.HasRport && via.RportValue is null;
        var receivedWanted = (via.HasRport || !IsSameAddress(via.Host, sourceAddress)) && via.Received != received;
        if (!rportWanted && !receivedWanted)
        {
            return false;
        }

        if (receivedWanted)
        {
            via.Parameters.Set("received", received);
        }

        if (rportWanted)
        {
            via.Parameters.Set("rport", source.EndPoint.Port.ToString(CultureInfo.InvariantCulture));
        }

        elements[0] = via.ToString();
        headers.SetValueAt(line, string.Join(", ", elements));
        return true;
    }

    /// <summary>A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d; the Via holds the plain IPv4 form.</summary>
    internal static IPAddress Normalize(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>
    /// The received value: an IPv4 or IPv6 address without brackets (§20.42 via-received), and without a scope
    /// id, whose '%' is not allowed in a parameter value.
    /// </summary>
    private static string FormatReceived(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0
            ? new IPAddress(address.GetAddressBytes()).ToString()
            : address.ToString();

    private static bool IsSameAddress(string sentByHost, IPAddress source) =>
        TryParseHostAddress(sentByHost, out var host) && Normalize(host).Equals(WithoutScope(source));

    /// <summary>Parses an IP literal host, with or without IPv6 brackets; false for a domain name.</summary>
    internal static bool TryParseHostAddress(string host, out IPAddress address)
    {
        var text = host.Length > 2 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
        if (IPAddress.TryParse(text, out var parsed) && (parsed.AddressFamily == AddressFamily.InterNetworkV6 || IsDottedQuad(text)))
        {
            address = parsed;
            return true;
        }

        address = IPAddress.None;
        return false;
    }

    // IPAddress.TryParse also accepts forms such as "10" or "1.2"; a Via host with those is a (strange) name.
    private static bool IsDottedQuad(string text) => text.AsSpan().Count('.') == 3;

    private static IPAddress WithoutScope(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0 ? new IPAddress(address.GetAddressBytes()) : address;
}
