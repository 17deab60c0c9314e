namespace CallCenter.RtpProbe;

/// <summary>
/// Demultiplexes RTP by SSRC and measures, per stream, the arrival gap between packets with consecutive sequence
/// numbers against the packet interval (20 ms of G.711, RFC 3551 §4.5). Only consecutive packets give a gap: across a
/// lost packet the gap is two intervals by design, so losses are counted instead. A sender that skips clock ticks
/// still numbers its packets consecutively, so late or missing ticks do show up as gaps.
/// Not thread-safe: the receive thread owns it.
/// </summary>
public sealed class PacingRecorder
{
    /// <summary>Sequence steps larger than this are taken as a restarted stream, not as loss (RFC 3550 A.1 uses 3,000).</summary>
    private const int MaxDropout = 3000;

    /// <summary>Packets in a row from before the current position that make the stream resynchronise (a sender restart).</summary>
    private const int ResyncAfterOldPackets = 3;

    private readonly Dictionary<uint, StreamState> _streams = new();
    private readonly DeviationHistogram _deviations = new();
    private readonly long _frequency;
    private readonly long _expectedGapTicks;
    private readonly byte _expectedPayloadType;
    private readonly long _toleranceMicroseconds;

    /// <param name="timestampFrequency">Ticks per second of the arrival timestamps (<see cref="System.Diagnostics.Stopwatch.Frequency"/>).</param>
    /// <param name="packetInterval">The interval packets are expected at.</param>
    /// <param name="expectedPayloadType">Packets of other payload types are counted and not timed.</param>
    /// <param name="tolerance">The pacing tolerance reported as a share (±2 ms in the target).</param>
    public PacingRecorder(long timestampFrequency, TimeSpan packetInterval, byte expectedPayloadType, TimeSpan tolerance)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timestampFrequency);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(packetInterval, TimeSpan.Zero);
        _frequency = timestampFrequency;
        _expectedGapTicks = (long)Math.Round(packetInterval.TotalSeconds * timestampFrequency);
        _expectedPayloadType = expectedPayloadType;
        _toleranceMicroseconds = (long)Math.Round(tolerance.TotalMicroseconds);
        PacketInterval = packetInterval;
        Tolerance = tolerance;
    }

    /// <summary>The interval packets are expected at.</summary>
    public TimeSpan PacketInterval { get; }

    /// <summary>The pacing tolerance.</summary>
    public TimeSpan Tolerance { get; }

    /// <summary>The datagrams and deviations counted since the start or the last <see cref="Reset"/>.</summary>
    public PacingCounters Counters { get; private set; } = new();

    /// <summary>Counts a datagram that is not RTP.</summary>
    public void RecordNotRtp() => Counters.NotRtp++;

    /// <summary>Accounts for one RTP packet that arrived at <paramref name="arrivalTicks"/>.</summary>
    public void Record(in RtpFields packet, long arrivalTicks)
    {
        var counters = Counters;
        counters.Packets++;
        if (!_streams.TryGetValue(packet.Ssrc, out var stream))
        {
            stream = new StreamState(packet.SequenceNumber, arrivalTicks);
            _streams.Add(packet.Ssrc, stream);
            counters.NewStreams++;
        }
        else if (!stream.SeenSinceReset)
        {
            stream.SeenSinceReset = true;
            counters.NewStreams++;
        }

        stream.PacketsSinceReset++;

        if (packet.PayloadType != _expectedPayloadType)
        {
            // Timed only on the expected audio type; a stray type does not move the stream's position either.
            counters.WrongPayloadType++;
            return;
        }

        if (stream.IsFirst)
        {
            stream.IsFirst = false;
            stream.Advance(packet.SequenceNumber, arrivalTicks);
            return;
        }

        int step = unchecked((ushort)(packet.SequenceNumber - stream.LastSequence));
        if (step == 1)
        {
            RecordGap(stream, arrivalTicks - stream.LastArrival);
            stream.Advance(packet.SequenceNumber, arrivalTicks);
        }
        else if (step == 0)
        {
            counters.Duplicates++;
        }
        else if (step <= MaxDropout)
        {
            counters.Lost += step - 1;
            counters.SequenceJumps++;
            stream.Advance(packet.SequenceNumber, arrivalTicks);
        }
        else
        {
            OnOldOrRestarted(stream, packet, arrivalTicks, counters);
        }
    }

    /// <summary>Starts the counters afresh; streams keep their position, so the first gap after a reset is measured.</summary>
    public void Reset()
    {
        Counters = new PacingCounters();
        _deviations.Reset();
        foreach (var stream in _streams.Values)
        {
            stream.SeenSinceReset = false;
            stream.PacketsSinceReset = 0;
            stream.MaxDeviationMicroseconds = 0;
        }
    }

    /// <summary>The figures since the start or the last reset.</summary>
    public PacingSummary Summarize()
    {
        int outOfTolerance = 0;
        foreach (var stream in _streams.Values)
        {
            if (stream.SeenSinceReset && stream.MaxDeviationMicroseconds > _toleranceMicroseconds)
            {
                outOfTolerance++;
            }
        }

        long gaps = _deviations.Count;
        return new PacingSummary(
            Counters.Snapshot(),
            gaps,
            _deviations.Percentile(50),
            _deviations.Percentile(99),
            _deviations.Percentile(99.9),
            _deviations.MaxMicroseconds,
            gaps == 0 ? 0 : (double)_deviations.CountAtMost(_toleranceMicroseconds) / gaps,
            outOfTolerance,
            Distribution(gaps));
    }

    private double[] Distribution(long gaps)
    {
        var bands = PacingSummary.DistributionBandsMilliseconds;
        var shares = new double[bands.Count + 1];
        long below = 0;
        for (int i = 0; i < bands.Count; i++)
        {
            long atMost = _deviations.CountAtMost(bands[i] * 1000L);
            shares[i] = gaps == 0 ? 0 : (double)(atMost - below) / gaps;
            below = atMost;
        }

        shares[^1] = gaps == 0 ? 0 : (double)(gaps - below) / gaps;
        return shares;
    }

    /// <summary>
    /// Writes one line per stream heard in the window — SSRC (hexadecimal), packets, largest deviation in µs — worst
    /// first, to find the streams behind a bad percentile.
    /// </summary>
    public void WriteStreams(TextWriter output)
    {
        foreach (var (ssrc, stream) in _streams.Where(s => s.Value.SeenSinceReset).OrderByDescending(s => s.Value.MaxDeviationMicroseconds))
        {
            output.WriteLine($"{ssrc:X8} {stream.PacketsSinceReset} {stream.MaxDeviationMicroseconds}");
        }
    }

    /// <summary>Forgets streams not heard from since <paramref name="beforeTicks"/> (ended calls), to bound memory.</summary>
    public int ForgetStreamsSilentSince(long beforeTicks)
    {
        int removed = 0;
        foreach (var (ssrc, stream) in _streams)
        {
            if (stream.LastArrival < beforeTicks)
            {
                _streams.Remove(ssrc);
                removed++;
            }
        }

        return removed;
    }

    private void RecordGap(StreamState stream, long gapTicks)
    {
        long deviationTicks = Math.Abs(gapTicks - _expectedGapTicks);
        long microseconds = (long)(deviationTicks * 1_000_000.0 / _frequency);
        _deviations.Record(microseconds);
        if (microseconds > stream.MaxDeviationMicroseconds)
        {
            stream.MaxDeviationMicroseconds = microseconds;
        }
    }

    private static void OnOldOrRestarted(StreamState stream, in RtpFields packet, long arrivalTicks, PacingCounters counters)
    {
        // Behind the current position: a reordered or very late packet. Several in a row mean the sender started
        // numbering afresh (RFC 3550 A.1 handles a restart the same way), so follow it rather than count it old forever.
        counters.Reordered++;
        if (++stream.OldInARow >= ResyncAfterOldPackets)
        {
            stream.Advance(packet.SequenceNumber, arrivalTicks);
        }
    }

    /// <summary>Where one SSRC's stream stands.</summary>
    private sealed class StreamState(ushort sequence, long arrival)
    {
        public bool IsFirst { get; set; } = true;

        public bool SeenSinceReset { get; set; } = true;

        public ushort LastSequence { get; private set; } = sequence;

        public long LastArrival { get; private set; } = arrival;

        public int OldInARow { get; set; }

        public long PacketsSinceReset { get; set; }

        public long MaxDeviationMicroseconds { get; set; }

        public void Advance(ushort sequence, long arrival)
        {
            LastSequence = sequence;
            LastArrival = arrival;
            OldInARow = 0;
        }
    }
}
