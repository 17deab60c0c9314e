using CallCenter.Sip.Message;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// Sends a message to one hop. Implemented by the stack over the transport layer, and by fakes in tests.
/// Returns false on a transport error (RFC 3261 §17.1.4 / §17.2.4: the transaction then tells its user).
/// </summary>
public interface ISipMessageSender
{
    /// <summary>Serialises and sends <paramref name="message"/> to <paramref name="destination"/>.</summary>
    ValueTask<bool> SendAsync(SipMessage message, SipRemote destination);

    /// <summary>
    /// Sends a response that is already serialised: <paramref name="wire"/> is what <see cref="SipMessage.ToBytes"/>
    /// gave for a response with <paramref name="statusCode"/>. A non-INVITE server transaction on an unreliable
    /// transport serialises its final response once and keeps only these bytes while Completed (§17.2.2), so both
    /// the first send and every retransmission come here. The default parses the bytes back and calls
    /// <see cref="SendAsync(SipMessage, SipRemote)"/>; a transport-backed sender should send them as they are.
    /// </summary>
    ValueTask<bool> SendSerializedResponseAsync(ReadOnlyMemory<byte> wire, int statusCode, SipRemote destination) =>
        SipParser.Parse(wire).Message is SipResponse response && response.StatusCode == statusCode
            ? SendAsync(response, destination)
            : new ValueTask<bool>(false);
}
