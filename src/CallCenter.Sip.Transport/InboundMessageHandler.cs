namespace CallCenter.Sip.Transport;

/// <summary>
/// Receives every whole SIP message the transport layer reads.
/// </summary>
/// <remarks>
/// UDP messages are delivered inline on the socket's dedicated receive thread, and TCP messages inline on the
/// connection's read loop, so the handler must be fast and must not block: while it runs, that socket or connection
/// reads nothing more. Hand slow work off to another thread. Messages of one TCP connection are delivered in
/// order, one at a time. An exception thrown by the handler is caught, counted and logged; it never stops a loop.
/// </remarks>
/// <param name="message">The message; see <see cref="InboundMessage"/> for who owns its bytes.</param>
public delegate void InboundMessageHandler(in InboundMessage message);
