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
}
