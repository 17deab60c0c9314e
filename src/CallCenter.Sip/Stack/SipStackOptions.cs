using System.Net;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Stack;

/// <summary>Everything the stack needs to start: where to listen, what to say about itself, and timers.</summary>
public sealed class SipStackOptions
{
    /// <summary>Transport settings (listen endpoints, size limits, buffers).</summary>
    public SipTransportOptions Transport { get; set; } = new();

    /// <summary>RFC 3261 timer values.</summary>
    public SipTimerOptions Timers { get; set; } = new();

    /// <summary>Address for Via/Contact when behind NAT; null means the local address of the socket used.</summary>
    public IPAddress? PublicAddress { get; set; }

    /// <summary>Server / User-Agent header value.</summary>
    public string ProductName { get; set; } = "CallCenter";
}
