using System.Net;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// The far end of one hop: the transport, the peer's address and, for TCP, the connection the
/// message arrived on (0 when none). Used both for where a message came from and where one goes.
/// </summary>
public readonly record struct SipRemote(SipTransportKind Transport, IPEndPoint EndPoint, long ConnectionId = 0)
{
    /// <summary>True for connection-oriented transports, where no retransmission timers run (§17.1.1.2).</summary>
    public bool IsReliable => Transport != SipTransportKind.Udp;

    /// <inheritdoc />
    public override string ToString() => $"{Transport.ToString().ToLowerInvariant()}:{EndPoint}";
}
