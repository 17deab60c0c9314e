namespace CallCenter.Sip.Transport;

/// <summary>The transport protocol a SIP message travelled over (RFC 3261 §18).</summary>
public enum SipTransportKind
{
    /// <summary>One SIP message per datagram (RFC 3261 §18.1.1).</summary>
    Udp,

    /// <summary>A byte stream framed by Content-Length (RFC 3261 §18.3).</summary>
    Tcp,
}
