namespace CallCenter.Config;

/// <summary>The transport used to reach a trunk (RFC 3261 §18).</summary>
public enum TrunkTransport
{
    /// <summary>SIP over UDP.</summary>
    Udp,

    /// <summary>SIP over TCP.</summary>
    Tcp,
}
