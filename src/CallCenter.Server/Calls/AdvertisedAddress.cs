using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace CallCenter.Server.Calls;

/// <summary>Chooses the address written into SDP and bound for RTP.</summary>
public static class AdvertisedAddress
{
    /// <summary>Media:Address, else Sip:PublicAddress, else Sip:Address when it is one specific address, else the first up IPv4 interface, else loopback.</summary>
    public static IPAddress Choose(string? mediaAddress, string? sipPublicAddress, string sipAddress)
    {
        foreach (var candidate in new[] { mediaAddress, sipPublicAddress })
        {
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                return IPAddress.TryParse(candidate, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"Media:Address '{candidate}' is not an IP address.");
            }
        }

        if (!sipAddress.Contains(',') && IPAddress.TryParse(sipAddress.Trim(), out var sip) && !sip.Equals(IPAddress.Any) && !sip.Equals(IPAddress.IPv6Any))
        {
            return sip;
        }

        return NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => nic.OperationalStatus == OperationalStatus.Up && nic.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .FirstOrDefault(address => address.AddressFamily == AddressFamily.InterNetwork)
            ?? IPAddress.Loopback;
    }
}
