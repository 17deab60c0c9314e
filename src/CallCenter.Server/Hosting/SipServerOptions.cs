namespace CallCenter.Server.Hosting;

/// <summary>The <c>Sip</c> configuration section (appsettings.json, environment <c>Sip__Port</c>, or <c>--Sip:Port</c>).</summary>
public sealed class SipServerOptions
{
    /// <summary>Port for both UDP and TCP (0 picks a free one, for tests).</summary>
    public int Port { get; set; } = 5060;

    /// <summary>Address to listen on; "0.0.0.0" for every IPv4 interface, "::" for IPv6, or a comma-separated list.</summary>
    public string Address { get; set; } = "0.0.0.0";

    /// <summary>Address written into Via, Contact and SDP when behind NAT; by default the address a request arrived on.</summary>
    public string? PublicAddress { get; set; }

    /// <summary>Digest realm for agent authentication.</summary>
    public string Realm { get; set; } = "callcenter";

    /// <summary>
    /// Digest algorithms offered, comma-separated, most preferred first (RFC 8760 §2.4), e.g. "SHA-256,MD5".
    /// The default is MD5 alone because common softphones refuse anything else: baresip 1.0 gives up when any
    /// challenge is not MD5, and sipp 3.6 and sipsak 0.9 fail on a first SHA-256 challenge.
    /// </summary>
    public string AuthAlgorithms { get; set; } = "MD5";

    /// <summary>How long a nonce stays fresh before the client is told stale=true.</summary>
    public int NonceLifetimeSeconds { get; set; } = 300;

    /// <summary>RFC 3261 T1 (RTT estimate) in milliseconds.</summary>
    public int T1Milliseconds { get; set; } = 500;

    /// <summary>RFC 3261 T2 (maximum retransmit interval for non-INVITE requests and INVITE responses) in milliseconds.</summary>
    public int T2Milliseconds { get; set; } = 4000;

    /// <summary>RFC 3261 T4 (maximum time a message stays in the network) in milliseconds.</summary>
    public int T4Milliseconds { get; set; } = 5000;

    /// <summary>Largest UDP datagram accepted, in bytes.</summary>
    public int MaxDatagramBytes { get; set; } = 65535;

    /// <summary>Largest header section accepted on TCP, in bytes.</summary>
    public int MaxHeaderBytes { get; set; } = 16384;

    /// <summary>Largest body accepted, in bytes.</summary>
    public int MaxBodyBytes { get; set; } = 65536;

    /// <summary>Kernel socket buffer size for UDP, in bytes.</summary>
    public int SocketBufferBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Value of the Server and User-Agent headers.</summary>
    public string ProductName { get; set; } = "CallCenter";
}
