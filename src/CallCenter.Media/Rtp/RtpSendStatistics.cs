using CallCenter.Media.Rtcp;

namespace CallCenter.Media.Rtp;

/// <summary>
/// What one RTP sender has sent: the packet and payload-octet counts of an SR's sender information (RFC 3550
/// §6.4.1), the bytes on the wire for metrics, and the RTP timestamp and time of the last packet, which map any later
/// instant onto the stream's RTP clock. One thread (or one lock) records; other threads may read the counts at any
/// time. Records without allocating.
/// </summary>
public sealed class RtpSendStatistics
{
    private readonly int _clockRate;
    private readonly long _timestampFrequency;
    private long _packets;
    private long _payloadOctets;
    private long _bytes;
    private uint _lastRtpTimestamp;
    private long _lastSentAt;

    /// <summary>Creates the statistics of a stream whose RTP clock runs at <paramref name="clockRate"/> Hz.</summary>
    /// <param name="clockRate">RTP clock rate (8000 for G.711, RFC 3551 §4.5.14).</param>
    /// <param name="timestampFrequency">Ticks per second of the times given to <see cref="Record"/> (<see cref="TimeProvider.TimestampFrequency"/>).</param>
    public RtpSendStatistics(int clockRate, long timestampFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timestampFrequency);
        _clockRate = clockRate;
        _timestampFrequency = timestampFrequency;
    }

    /// <summary>RTP packets sent.</summary>
    public long PacketCount => Volatile.Read(ref _packets);

    /// <summary>Payload octets sent (headers and padding excluded, as the SR octet count wants).</summary>
    public long PayloadOctets => Volatile.Read(ref _payloadOctets);

    /// <summary>Whole RTP packets' bytes sent, header included.</summary>
    public long ByteCount => Volatile.Read(ref _bytes);

    /// <summary>True once a packet has been recorded.</summary>
    public bool HasSent => PacketCount > 0;

    /// <summary>Accounts for one packet handed to the transport.</summary>
    /// <param name="rtpTimestamp">The packet's RTP timestamp.</param>
    /// <param name="payloadLength">Payload octets.</param>
    /// <param name="packetLength">The whole packet, header included.</param>
    /// <param name="sentAt">When it was sent, in <see cref="TimeProvider.GetTimestamp"/> ticks.</param>
    public void Record(uint rtpTimestamp, int payloadLength, int packetLength, long sentAt)
    {
        _lastRtpTimestamp = rtpTimestamp;
        _lastSentAt = sentAt;
        Volatile.Write(ref _payloadOctets, _payloadOctets + payloadLength);
        Volatile.Write(ref _bytes, _bytes + packetLength);
        Volatile.Write(ref _packets, _packets + 1);
    }

    /// <summary>
    /// The stream's RTP timestamp at <paramref name="at"/>: the last packet's timestamp advanced by the time since it
    /// was sent at the clock rate. §6.4.1 asks for the RTP time of the same instant as the SR's NTP time, which need
    /// not be the timestamp of any packet. Only meaningful once a packet has been sent.
    /// </summary>
    public uint RtpTimestampAt(long at)
    {
        long elapsed = Math.Max(0, at - _lastSentAt);
        long whole = Math.DivRem(elapsed, _timestampFrequency, out long fraction);
        long units = (whole * _clockRate) + (fraction * _clockRate / _timestampFrequency);
        return unchecked(_lastRtpTimestamp + (uint)units);
    }

    /// <summary>
    /// The sender information of an SR sent at <paramref name="at"/> (monotonic ticks) whose wallclock time is
    /// <paramref name="ntpTimestamp"/>. The counts wrap modulo 2^32 as the 32-bit fields do (§6.4.1).
    /// </summary>
    public RtcpSenderInfo CreateSenderInfo(ulong ntpTimestamp, long at) =>
        new(ntpTimestamp, RtpTimestampAt(at), unchecked((uint)PacketCount), unchecked((uint)PayloadOctets));
}
