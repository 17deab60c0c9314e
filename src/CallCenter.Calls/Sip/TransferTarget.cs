using System.Diagnostics.CodeAnalysis;
using System.Net;
using CallCenter.Calls.Legs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Calls.Sip;

/// <summary>
/// Turns the SIP URI of a flow's <c>transfer: { uri: … }</c> into a target the agent dialer can ring. The host must be
/// an IP address: a transfer does no DNS lookup (RFC 3263 NAPTR/SRV/A); calls to names go out through a trunk. Without
/// a port the default 5060 applies, and without a <c>transport</c> parameter UDP (RFC 3263 §4.1, §4.2 for a numeric host).
/// </summary>
public static class TransferTarget
{
    /// <summary>The default SIP port (RFC 3261 §19.1.2).</summary>
    public const int DefaultPort = 5060;

    /// <summary>Builds the target for <paramref name="uri"/>; false with the reason when the call cannot be placed there.</summary>
    public static bool TryCreate(string uri, [NotNullWhen(true)] out AgentTarget? target, out string error)
    {
        target = null;
        if (!SipUri.TryParse(uri, out var parsed, out var parseError))
        {
            error = $"'{uri}' is not a SIP URI ({parseError})";
            return false;
        }

        if (!string.Equals(parsed.Scheme, "sip", StringComparison.OrdinalIgnoreCase))
        {
            error = $"'{uri}': only sip: URIs can be dialled (no TLS transport for {parsed.Scheme}: yet)";
            return false;
        }

        if (!IPAddress.TryParse(parsed.Host.Trim('[', ']'), out var address))
        {
            error = $"'{uri}': the host must be an IP address: transfers do no DNS lookup (RFC 3263); calls to names go through a trunk";
            return false;
        }

        SipTransportKind transport;
        switch (parsed.Transport)
        {
            case null or "udp":
                transport = SipTransportKind.Udp;
                break;
            case "tcp":
                transport = SipTransportKind.Tcp;
                break;
            default:
                error = $"'{uri}': transport '{parsed.Transport}' is not supported (udp or tcp)";
                return false;
        }

        var endPoint = new IPEndPoint(address, parsed.Port ?? DefaultPort);
        target = new AgentTarget(parsed.UnescapedUser ?? string.Empty, string.Empty, parsed, new SipRemote(transport, endPoint));
        error = string.Empty;
        return true;
    }
}
