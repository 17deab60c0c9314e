using CallCenter.Media.Rtcp;

namespace CallCenter.Media.Rtp;

/// <summary>
/// Reception statistics for one RTP source, as RFC 3550 Appendix A describes: sequence validation with probation
/// and wrap counting (A.1), expected and lost packet counts and the fraction lost per report interval (A.3), and
/// the interarrival jitter estimate (A.8). Not thread-safe: feed it from the one thread that receives the source.
/// </summary>
public sealed class RtpReceiveStatistics
{
    /// <summary>Consecutive packets a new source must send before it is believed (A.1 suggests 2).</summary>
    public const int DefaultMinSequential = 2;

    /// <summary>Largest forward jump still taken as a gap of lost packets rather than a restart (A.1).</summary>
    public const int MaxDropout = 3000;

    /// <summary>Largest backward step still taken as a late (reordered or duplicated) packet (A.1).</summary>
    public const int MaxMisorder = 100;

    private const int SequenceModulus = 1 << 16;

    private readonly int _minSequential;
    private bool _seenAny;
    private ushort _maxSequence;
    private uint _cycles;
    private uint _baseSequence;
    private int _badSequence = SequenceModulus + 1;
    private int _probation;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;
    private bool _hasTransit;
    private int _transit;
    private uint _lastTimestamp;
    private double _jitter;

    /// <summary>Creates the statistics for the source <paramref name="ssrc"/>.</summary>
    /// <param name="ssrc">The source these statistics describe (reported in report blocks).</param>
    /// <param name="minSequential">Packets in sequence required before the source leaves probation; at least 1.</param>
    public RtpReceiveStatistics(uint ssrc, int minSequential = DefaultMinSequential)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minSequential, 1);
        Ssrc = ssrc;
        _minSequential = minSequential;
    }

    /// <summary>The source described.</summary>
    public uint Ssrc { get; }

    /// <summary>True once the source has sent enough packets in sequence to leave probation.</summary>
    public bool IsValidated => _seenAny && _probation == 0;

    /// <summary>Highest sequence number received, extended with the count of wraps in the upper 16 bits.</summary>
    public uint ExtendedHighestSequence => _cycles + _maxSequence;

    /// <summary>Packets counted as received since the sequence was (re)initialised, duplicates included.</summary>
    public long PacketsReceived => _received;

    /// <summary>Packets expected from the first validated sequence number to the highest (A.3); 0 before validation.</summary>
    public long PacketsExpected => IsValidated ? (long)ExtendedHighestSequence - _baseSequence + 1 : 0;

    /// <summary>Expected minus received; may be negative when duplicates arrive (A.3).</summary>
    public long CumulativeLost => PacketsExpected - _received;

    /// <summary>Late packets (reordered or duplicated) counted so far.</summary>
    public long LatePackets { get; private set; }

    /// <summary>Packets refused as untrusted sequence jumps.</summary>
    public long RejectedPackets { get; private set; }

    /// <summary>Times the sequence was restarted after a confirmed large jump.</summary>
    public long Restarts { get; private set; }

    /// <summary>The interarrival jitter estimate in RTP timestamp units (A.8).</summary>
    public uint Jitter => (uint)_jitter;

    /// <summary>A snapshot of the figures, without starting a new report interval.</summary>
    public RtpReceiveSummary GetSummary() =>
        new(Ssrc, PacketsReceived, PacketsExpected, CumulativeLost, ExtendedHighestSequence, Jitter);

    /// <summary>
    /// Accounts for one received packet: validates its sequence number (A.1) and, if it counts, updates the jitter
    /// estimate (A.8). <paramref name="arrival"/> is the arrival time in RTP timestamp units (see <see cref="RtpArrivalClock"/>).
    /// </summary>
    public RtpSequenceStatus Update(ushort sequenceNumber, uint rtpTimestamp, uint arrival)
    {
        var status = UpdateSequence(sequenceNumber);
        if (status is RtpSequenceStatus.Accepted or RtpSequenceStatus.Late or RtpSequenceStatus.Restarted)
        {
            UpdateJitter(rtpTimestamp, arrival);
        }

        return status;
    }

    /// <summary>
    /// Builds the report block for this source and starts a new report interval: the fraction lost covers the
    /// packets since the previous call (A.3). Cumulative loss is clamped to the 24-bit field.
    /// </summary>
    /// <param name="lastSenderReport">LSR: compact NTP time of the last SR received from the source, 0 if none.</param>
    /// <param name="delaySinceLastSenderReport">DLSR: compact delay since that SR, 0 if none.</param>
    public RtcpReportBlock CreateReportBlock(uint lastSenderReport = 0, uint delaySinceLastSenderReport = 0)
    {
        long expected = PacketsExpected;
        long expectedInterval = expected - _expectedPrior;
        long receivedInterval = _received - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = _received;

        long lostInterval = expectedInterval - receivedInterval;
        byte fraction = expectedInterval == 0 || lostInterval <= 0 ? (byte)0 : (byte)((lostInterval << 8) / expectedInterval);
        int cumulative = (int)Math.Clamp(CumulativeLost, RtcpReportBlock.MinCumulativeLost, RtcpReportBlock.MaxCumulativeLost);
        return new RtcpReportBlock(
            Ssrc, fraction, cumulative, ExtendedHighestSequence, Jitter, lastSenderReport, delaySinceLastSenderReport);
    }

    private RtpSequenceStatus UpdateSequence(ushort sequence)
    {
        if (!_seenAny)
        {
            // A new source starts on probation, as if the previous packet had been received.
            _seenAny = true;
            Restart(sequence);
            _maxSequence = unchecked((ushort)(sequence - 1));
            _probation = _minSequential;
        }

        if (_probation > 0)
        {
            return UpdateOnProbation(sequence);
        }

        int delta = unchecked((ushort)(sequence - _maxSequence));
        if (delta == 0 || delta > SequenceModulus - MaxMisorder)
        {
            // Duplicate or reordered: behind the highest sequence, but close enough to be this stream.
            _received++;
            LatePackets++;
            return RtpSequenceStatus.Late;
        }

        if (delta < MaxDropout)
        {
            if (sequence < _maxSequence)
            {
                _cycles += SequenceModulus;
            }

            _maxSequence = sequence;
            _received++;
            return RtpSequenceStatus.Accepted;
        }

        // A jump this large is believed only if the very next packet follows it: the sender restarted its sequence.
        if (sequence == _badSequence)
        {
            Restart(sequence);
            _received++;
            Restarts++;
            return RtpSequenceStatus.Restarted;
        }

        _badSequence = (sequence + 1) & (SequenceModulus - 1);
        RejectedPackets++;
        return RtpSequenceStatus.Rejected;
    }

    private RtpSequenceStatus UpdateOnProbation(ushort sequence)
    {
        if (sequence != unchecked((ushort)(_maxSequence + 1)))
        {
            // Out of sequence: this packet counts as the first of a new run.
            _probation = _minSequential - 1;
            _maxSequence = sequence;
            return RtpSequenceStatus.InProbation;
        }

        _probation--;
        _maxSequence = sequence;
        return _probation == 0 ? Validated(sequence) : RtpSequenceStatus.InProbation;
    }

    private RtpSequenceStatus Validated(ushort sequence)
    {
        Restart(sequence);
        _received++;
        return RtpSequenceStatus.Accepted;
    }

    private void Restart(ushort sequence)
    {
        _baseSequence = sequence;
        _maxSequence = sequence;
        _badSequence = SequenceModulus + 1;
        _cycles = 0;
        _received = 0;
        _receivedPrior = 0;
        _expectedPrior = 0;

        // A restarted sender usually restarts its timestamps too; a transit time from before would fake a jitter spike.
        _hasTransit = false;
    }

    private void UpdateJitter(uint rtpTimestamp, uint arrival)
    {
        // Packets that repeat the previous timestamp describe the same sampling instant but leave over a period: the
        // updates and end packets of an RFC 4733 event (§2.5.1 keeps the event's start time), or one video frame split
        // over packets. Their spacing is the sender's, not the network's; measuring from the first of them keeps the
        // estimate to network jitter, which is what §6.4.1 reports.
        if (_hasTransit && rtpTimestamp == _lastTimestamp)
        {
            return;
        }

        // A.8: relative transit time; its change between consecutive packets feeds a first-order filter (gain 1/16).
        int transit = unchecked((int)(arrival - rtpTimestamp));
        if (_hasTransit)
        {
            long difference = Math.Abs((long)unchecked(transit - _transit));
            _jitter += (difference - _jitter) / 16.0;
        }

        _transit = transit;
        _lastTimestamp = rtpTimestamp;
        _hasTransit = true;
    }
}
