using System.Net;
using System.Net.Sockets;

namespace CallCenter.Sip.Core;

/// <summary>
/// Finds the address of a provider's host: an IP address as written, else the name's A/AAAA records, IPv4 first.
/// (RFC 3263 NAPTR/SRV selection is not done: providers give a host and port, which §4.2 of RFC 3263 then resolves
/// by A/AAAA alone.)
/// </summary>
public static class SipHostResolver
{
    /// <summary>The host's address, or null when it has none or the lookup fails.</summary>
    public static async Task<IPAddress?> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var bare = host.Trim('[', ']');
        if (IPAddress.TryParse(bare, out var literal))
        {
            return literal;
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(bare, cancellationToken).ConfigureAwait(false);
            return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
        }
        catch (SocketException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
