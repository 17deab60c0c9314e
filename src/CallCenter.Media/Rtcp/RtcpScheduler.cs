namespace CallCenter.Media.Rtcp;

/// <summary>
/// When to send the next compound RTCP packet (RFC 3550 §6.3): the first report after a randomised interval of
/// half the minimum, each later one an interval (<see cref="RtcpInterval"/>) after the previous, reconsidered when
/// the scheduled time comes (§6.3.6), with the average compound size kept as a running estimate (§6.3.3). Holds no
/// timer: the owner asks <see cref="IsDue"/> on its own clock. Not thread-safe: use it from one thread or under a lock.
/// </summary>
public sealed class RtcpScheduler
{
    /// <summary>A first guess at the average compound size before any is measured: an SR, one block, a CNAME, UDP/IPv4.</summary>
    public const double DefaultInitialAverageSize = 128;

    private readonly double _rtcpBandwidth;
    private readonly long _frequency;
    private readonly Random _random;
    private long _previous;
    private long _next;

    /// <summary>Starts the schedule at <paramref name="now"/>, alone in the session and before any report.</summary>
    /// <param name="rtcpBandwidth">RTCP bandwidth of the session, octets per second (see <see cref="RtcpInterval.BandwidthForAudio"/>).</param>
    /// <param name="now">The current time in <see cref="TimeProvider.GetTimestamp"/> ticks.</param>
    /// <param name="timestampFrequency">Ticks per second of those times.</param>
    /// <param name="random">Source of the interval's randomisation.</param>
    /// <param name="initialAverageSize">The average compound size to start from, octets with lower-layer headers.</param>
    public RtcpScheduler(double rtcpBandwidth, long now, long timestampFrequency, Random random, double initialAverageSize = DefaultInitialAverageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rtcpBandwidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timestampFrequency);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialAverageSize);
        ArgumentNullException.ThrowIfNull(random);
        _rtcpBandwidth = rtcpBandwidth;
        _frequency = timestampFrequency;
        _random = random;
        AverageRtcpSize = initialAverageSize;
        _previous = now;
        _next = now + NextInterval(RtcpMembership.Alone);
    }

    /// <summary>When the next report is scheduled, in timestamp ticks.</summary>
    public long NextTransmission => _next;

    /// <summary>When the last report was sent (or the schedule started), in timestamp ticks.</summary>
    public long PreviousTransmission => _previous;

    /// <summary>True until the first report has been sent.</summary>
    public bool IsInitial { get; private set; } = true;

    /// <summary>The running average compound size, octets with lower-layer headers (§6.3.3).</summary>
    public double AverageRtcpSize { get; private set; }

    /// <summary>
    /// True when a report should be sent at <paramref name="now"/>. Before the scheduled time it is not. At or after
    /// it, the interval is computed afresh for the current <paramref name="membership"/> (§6.3.6): if the previous
    /// report plus that interval has passed the report is due, otherwise the schedule moves to that later time.
    /// </summary>
    public bool IsDue(long now, RtcpMembership membership)
    {
        if (now < _next)
        {
            return false;
        }

        long reconsidered = _previous + NextInterval(membership);
        if (reconsidered <= now)
        {
            return true;
        }

        _next = reconsidered;
        return false;
    }

    /// <summary>Records a report sent at <paramref name="now"/> and schedules the next one.</summary>
    /// <param name="now">When it was sent, in timestamp ticks.</param>
    /// <param name="packetSize">Its size in octets including UDP and IP headers.</param>
    /// <param name="membership">The session as the report described it.</param>
    public void OnSent(long now, int packetSize, RtcpMembership membership)
    {
        UpdateAverage(packetSize);
        IsInitial = false;
        _previous = now;
        _next = now + NextInterval(membership);
    }

    /// <summary>Records a compound packet received from another member (only its size matters, §6.3.3).</summary>
    /// <param name="packetSize">Its size in octets including UDP and IP headers.</param>
    public void OnReceived(int packetSize) => UpdateAverage(packetSize);

    private void UpdateAverage(int packetSize)
    {
        if (packetSize > 0)
        {
            // §6.3.3: each new size counts for 1/16 of the estimate.
            AverageRtcpSize += (packetSize - AverageRtcpSize) / 16;
        }
    }

    private long NextInterval(RtcpMembership membership)
    {
        var interval = RtcpInterval.Randomized(membership, _rtcpBandwidth, AverageRtcpSize, IsInitial, _random.NextDouble());
        return (long)(interval.TotalSeconds * _frequency);
    }
}
