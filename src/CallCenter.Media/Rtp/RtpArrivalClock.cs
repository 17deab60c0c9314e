namespace CallCenter.Media.Rtp;

/// <summary>
/// Converts monotonic timestamps (<see cref="TimeProvider.GetTimestamp"/>) into arrival times in RTP timestamp
/// units, as interarrival jitter needs (RFC 3550 §6.4.1: "the arrival time in the same units as the timestamp").
/// Times are measured from an origin, so the arithmetic does not overflow however long the process has run.
/// </summary>
public readonly struct RtpArrivalClock
{
    private readonly long _origin;
    private readonly long _frequency;
    private readonly int _clockRate;

    /// <summary>Creates a converter for a payload clock of <paramref name="clockRate"/> Hz.</summary>
    /// <param name="clockRate">RTP clock rate of the stream (8000 for G.711, RFC 3551 §4.5.14).</param>
    /// <param name="timestampFrequency">Ticks per second of the timestamps given (<see cref="TimeProvider.TimestampFrequency"/>).</param>
    /// <param name="origin">Any timestamp at or before the first arrival.</param>
    public RtpArrivalClock(int clockRate, long timestampFrequency, long origin)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timestampFrequency);
        _clockRate = clockRate;
        _frequency = timestampFrequency;
        _origin = origin;
    }

    /// <summary>The clock rate this converter produces units of.</summary>
    public int ClockRate => _clockRate;

    /// <summary>
    /// The arrival time of <paramref name="timestamp"/> in RTP units, modulo 2^32 (only differences are meaningful).
    /// </summary>
    public uint ToRtpUnits(long timestamp)
    {
        long elapsed = timestamp - _origin;
        long whole = Math.DivRem(elapsed, _frequency, out long fraction);
        return unchecked((uint)((whole * _clockRate) + (fraction * _clockRate / _frequency)));
    }
}
