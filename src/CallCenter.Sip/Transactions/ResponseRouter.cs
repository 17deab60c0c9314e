using System.Net;
using System.Net.Sockets;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// Where a server sends a response (RFC 3261 §18.2.2 with RFC 3581 §4), from the top Via of the request as
/// stamped by <see cref="ViaStamp"/> and the source the request came from. No DNS is done here: a stamped Via
/// always has an address to use (received is added whenever sent-by is a name).
/// </summary>
public static class ResponseRouter
{
    /// <summary>Routes by the response's top Via (a copy of the request's, §8.2.6.2).</summary>
    public static SipRemote Route(SipResponse response, SipRemote requestSource)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.TopVia is { } topVia ? Route(topVia, requestSource) : requestSource;
    }

    /// <summary>
    /// §18.2.2 in order: a reliable transport reuses the request's connection (the transport, if that connection
    /// has closed, connects to the returned address: received, or the source, with the sent-by port); otherwise
    /// maddr with the sent-by port; otherwise received with rport (RFC 3581 §4: back to the exact source port);
    /// otherwise received with the sent-by port; otherwise sent-by. An absent port means 5060 (5061 for TLS).
    /// </summary>
    public static SipRemote Route(ViaHeader topVia, SipRemote requestSource)
    {
        ArgumentNullException.ThrowIfNull(topVia);
        var sentByPort = topVia.DefaultPort;
        var receivedOrSource = AddressOf(topVia.Received) ?? ViaStamp.Normalize(requestSource.EndPoint.Address);
        if (requestSource.IsReliable)
        {
            return requestSource with { EndPoint = new IPEndPoint(receivedOrSource, sentByPort) };
        }

        if (topVia.Parameters.Get("maddr") is { } maddr && AddressOf(maddr) is { } multicastOrUnicast)
        {
            return new SipRemote(requestSource.Transport, new IPEndPoint(multicastOrUnicast, sentByPort));
        }

        if (topVia.RportValue is { } rport and > 0)
        {
            return new SipRemote(requestSource.Transport, new IPEndPoint(receivedOrSource, rport), requestSource.ConnectionId);
        }

        if (AddressOf(topVia.Received) is { } received)
        {
            return new SipRemote(requestSource.Transport, new IPEndPoint(received, sentByPort));
        }

        var sentBy = ViaStamp.TryParseHostAddress(topVia.Host, out var host) ? ViaStamp.Normalize(host) : receivedOrSource;
        return new SipRemote(requestSource.Transport, new IPEndPoint(sentBy, sentByPort));
    }

    private static IPAddress? AddressOf(string? value)
    {
        if (value is null)
        {
            return null;
        }

        return ViaStamp.TryParseHostAddress(value, out var address) && address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
            ? ViaStamp.Normalize(address)
            : null;
    }
}
