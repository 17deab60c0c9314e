using System.Net;

namespace CallCenter.Sip.Transport;

/// <summary>Settings of the SIP transport layer (RFC 3261 §18).</summary>
public sealed class SipTransportOptions
{
    /// <summary>
    /// Addresses to listen on. UDP and TCP each bind every endpoint. Port 0 picks an ephemeral port, the same one for
    /// the UDP and the TCP socket of that endpoint. An IPv6 endpoint is bound IPv6-only, so 0.0.0.0 and :: can both
    /// be listed.
    /// </summary>
    public IList<IPEndPoint> ListenEndPoints { get; set; } = new List<IPEndPoint>();

    /// <summary>Largest UDP datagram accepted; bigger ones are dropped and counted.</summary>
    public int MaxDatagramSize { get; set; } = 65535;

    /// <summary>Largest header section (start line to the blank line) accepted on a TCP stream.</summary>
    public int MaxHeaderBytes { get; set; } = 16384;

    /// <summary>Largest Content-Length accepted on a TCP stream.</summary>
    public int MaxBodyBytes { get; set; } = 65536;

    /// <summary>Kernel receive and send buffer size asked for on UDP sockets (the OS may cap it).</summary>
    public int SocketBufferBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>A TCP connection with no traffic in either direction for this long is closed.</summary>
    public TimeSpan TcpIdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Most TCP connections (accepted plus outgoing) open at once; more are refused.</summary>
    public int MaxTcpConnections { get; set; } = 10000;

    /// <summary>How long an outgoing TCP connect may take before the send fails.</summary>
    public TimeSpan TcpConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long one write to a TCP connection may stay blocked (peer not reading) before the connection is closed.
    /// </summary>
    public TimeSpan TcpSendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (ListenEndPoints.Count == 0)
        {
            throw new ArgumentException("At least one listen endpoint is required.", nameof(ListenEndPoints));
        }

        RequireRange(MaxDatagramSize, 1, 65535, nameof(MaxDatagramSize));
        RequireRange(MaxHeaderBytes, 16, 1024 * 1024, nameof(MaxHeaderBytes));
        RequireRange(MaxBodyBytes, 0, 64 * 1024 * 1024, nameof(MaxBodyBytes));
        RequireRange(SocketBufferBytes, 1024, int.MaxValue, nameof(SocketBufferBytes));
        RequireRange(MaxTcpConnections, 1, int.MaxValue, nameof(MaxTcpConnections));
        RequirePositive(TcpIdleTimeout, nameof(TcpIdleTimeout));
        RequirePositive(TcpConnectTimeout, nameof(TcpConnectTimeout));
        RequirePositive(TcpSendTimeout, nameof(TcpSendTimeout));
    }

    private static void RequireRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.");
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
        }
    }
}
