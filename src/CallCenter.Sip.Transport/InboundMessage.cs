using System.Net;

namespace CallCenter.Sip.Transport;

/// <summary>
/// One whole SIP message as received, before any parsing.
/// </summary>
/// <param name="Data">
/// The message bytes (start line, headers and body). The backing array has exactly this size and belongs to the
/// receiver from the moment the handler is called: the transport never touches it again.
/// </param>
/// <param name="Transport">The transport the message arrived on.</param>
/// <param name="Local">The local endpoint that received it (the bound address, which may be a wildcard).</param>
/// <param name="Remote">
/// The sender. For UDP this instance may be shared with later messages from the same peer (it comes from a cache),
/// so treat it as read-only.
/// </param>
/// <param name="ConnectionId">The TCP connection it arrived on (1 or more), or 0 for UDP.</param>
public readonly record struct InboundMessage(
    ReadOnlyMemory<byte> Data,
    SipTransportKind Transport,
    IPEndPoint Local,
    IPEndPoint Remote,
    long ConnectionId);
