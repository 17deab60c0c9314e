namespace CallCenter.Media.Dtmf;

/// <summary>
/// What <see cref="Rfc4733Receiver"/> knows about one key press: identified by SSRC, RTP timestamp and
/// event code (RFC 4733 §2.2.1: all packets of an event carry its start timestamp), and located in time
/// by the arrival of its packets.
/// </summary>
internal sealed class TelephoneEventTrack
{
    private readonly int _clockRate;

    public TelephoneEventTrack(uint ssrc, uint timestamp, in TelephoneEvent block, DateTimeOffset arrival, int clockRate)
    {
        _clockRate = clockRate;
        Ssrc = ssrc;
        Timestamp = timestamp;
        EventCode = block.EventCode;
        MaxDuration = block.Duration;
        Volume = block.Volume;
        FirstArrival = arrival;
        LastArrival = arrival;
        // The duration in the first packet seen tells how long ago the key went down, which also
        // places presses whose first packets were lost.
        StartTime = arrival - ToTime(block.Duration);
    }

    public uint Ssrc { get; }

    /// <summary>RTP timestamp of the current segment (it moves on for long events, §2.5.1.3).</summary>
    public uint Timestamp { get; private set; }

    public byte EventCode { get; }

    public DateTimeOffset StartTime { get; }

    public DateTimeOffset FirstArrival { get; }

    public DateTimeOffset LastArrival { get; private set; }

    /// <summary>Largest duration reported for the current segment, in timestamp units.</summary>
    public int MaxDuration { get; private set; }

    /// <summary>Duration of the segments before the current one (long events only).</summary>
    public long EarlierSegments { get; private set; }

    public int Volume { get; private set; }

    /// <summary>True when the press was reported without having seen its end packet (timeout, superseded).</summary>
    public bool ClosedWithoutEnd { get; set; }

    public bool Matches(uint ssrc, uint timestamp, byte eventCode) =>
        Ssrc == ssrc && Timestamp == timestamp && EventCode == eventCode;

    /// <summary>
    /// True when a block starts exactly where this event's current segment ends: a long event cut into
    /// segments because the 16-bit duration field was about to overflow (RFC 4733 §2.5.1.3).
    /// </summary>
    public bool IsContinuedBy(uint ssrc, uint timestamp, byte eventCode) =>
        Ssrc == ssrc && EventCode == eventCode && timestamp == unchecked(Timestamp + (uint)MaxDuration) && MaxDuration > 0;

    /// <summary>Takes in a block of this event (an update, an end packet or a retransmission).</summary>
    public void Update(in TelephoneEvent block, DateTimeOffset arrival)
    {
        if (arrival > LastArrival)
        {
            LastArrival = arrival;
        }

        if (block.Duration >= MaxDuration)
        {
            MaxDuration = block.Duration;
            Volume = block.Volume;
        }
    }

    /// <summary>Moves on to the next segment of a long event.</summary>
    public void StartNextSegment(uint timestamp, in TelephoneEvent block, DateTimeOffset arrival)
    {
        EarlierSegments += MaxDuration;
        Timestamp = timestamp;
        MaxDuration = 0;
        Update(block, arrival);
    }

    /// <summary>Notes the arrival of a duplicate, so the duplicate window runs from the latest copy.</summary>
    public void Touch(DateTimeOffset arrival)
    {
        if (arrival > LastArrival)
        {
            LastArrival = arrival;
        }
    }

    public DtmfEvent ToDtmfEvent()
    {
        DtmfDigits.TryFromEventCode(EventCode, out var digit);
        return new DtmfEvent(digit, DtmfMethod.Rfc4733, StartTime, ToTime(EarlierSegments + MaxDuration)) { Volume = Volume };
    }

    private TimeSpan ToTime(long units) => TimeSpan.FromTicks(units * TimeSpan.TicksPerSecond / _clockRate);
}
