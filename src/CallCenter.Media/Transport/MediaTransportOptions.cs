namespace CallCenter.Media.Transport;

/// <summary>
/// Settings of the RTP/RTCP transport: the UDP port range, the shared receive threads, symmetric-RTP latching and
/// inactivity detection. Bound from the <c>Media</c> configuration section.
/// </summary>
public sealed class MediaTransportOptions
{
    /// <summary>Lowest UDP port handed out; RTP ports are even (RFC 3550 §11), so an odd value starts one above.</summary>
    public int PortMin { get; set; } = 10000;

    /// <summary>Highest UDP port handed out (an RTCP port, RTP port + 1, may be this value).</summary>
    public int PortMax { get; set; } = 20000;

    /// <summary>Threads that receive for all endpoints. One thread handles thousands of calls; more only help past that.</summary>
    public int ReceiveThreads { get; set; } = 1;

    /// <summary>
    /// After a wake-up that found few packets, a receive thread waits this long before looking again so that the
    /// next wake-up finds several: fewer wake-ups per packet at the price of at most this much added latency.
    /// Zero disables it. Only used with the Linux epoll poller.
    /// </summary>
    public TimeSpan ReceiveBatchDelay { get; set; } = TimeSpan.FromMicroseconds(250);

    /// <summary>Use Linux epoll when available (true) or always the portable Socket.Select poller (false).</summary>
    public bool UseEpoll { get; set; } = true;

    /// <summary>Kernel receive buffer of each media socket in bytes; 0 keeps the operating system's default.</summary>
    public int SocketReceiveBufferBytes { get; set; }

    /// <summary>
    /// DSCP code point set on outgoing media packets (46 = Expedited Forwarding, RFC 4594 for telephony);
    /// -1 leaves the operating system's default.
    /// </summary>
    public int Dscp { get; set; } = 46;

    /// <summary>
    /// Consecutive packets in sequence (same source address and SSRC, expected payload type) a source other than
    /// the SDP address must send before RTP is latched to it.
    /// </summary>
    public int LatchConfirmPackets { get; set; } = 2;

    /// <summary>
    /// How long the latched source must have been silent before a source with another SSRC may take over the latch.
    /// The same SSRC continuing from a new address (a NAT rebinding) takes over at once.
    /// </summary>
    public TimeSpan RelatchAfterSilence { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>No RTP from the latched source for this long is reported as inactivity; infinite disables it.</summary>
    public TimeSpan InactivityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the endpoints are checked for inactivity.</summary>
    public TimeSpan InactivityCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws <see cref="ArgumentException"/> describing the first invalid setting.</summary>
    public void Validate()
    {
        if (PortMin is < 1024 or > 65535 || PortMax is < 1024 or > 65535 || PortMin > PortMax)
        {
            throw new ArgumentException($"Media ports must satisfy 1024 <= PortMin <= PortMax <= 65535 (got {PortMin}..{PortMax}).");
        }

        if (((PortMin + 1) & ~1) + 1 > PortMax)
        {
            throw new ArgumentException($"The media port range {PortMin}..{PortMax} holds no even RTP port with its RTCP port.");
        }

        if (ReceiveThreads is < 1 or > 64)
        {
            throw new ArgumentException($"Media ReceiveThreads must be 1 to 64 (got {ReceiveThreads}).");
        }

        if (ReceiveBatchDelay < TimeSpan.Zero || ReceiveBatchDelay > TimeSpan.FromMilliseconds(5))
        {
            throw new ArgumentException($"Media ReceiveBatchDelay must be 0 to 5 ms (got {ReceiveBatchDelay}).");
        }

        if (Dscp is < -1 or > 63)
        {
            throw new ArgumentException($"Media Dscp must be -1 or 0 to 63 (got {Dscp}).");
        }

        if (LatchConfirmPackets < 1)
        {
            throw new ArgumentException($"Media LatchConfirmPackets must be at least 1 (got {LatchConfirmPackets}).");
        }

        if (RelatchAfterSilence < TimeSpan.Zero || SocketReceiveBufferBytes < 0)
        {
            throw new ArgumentException("Media RelatchAfterSilence and SocketReceiveBufferBytes must not be negative.");
        }

        if (InactivityTimeout <= TimeSpan.Zero && InactivityTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"Media InactivityTimeout must be positive or infinite (got {InactivityTimeout}).");
        }

        if (InactivityCheckInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Media InactivityCheckInterval must be positive (got {InactivityCheckInterval}).");
        }
    }
}
