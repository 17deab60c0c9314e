using System.Buffers.Binary;
using System.Net;
using CallCenter.Media.Rtcp;
using CallCenter.Media.Rtp;

namespace CallCenter.Media.Transport;

/// <summary>The receive side of <see cref="RtpEndpoint"/>: latching, statistics and inactivity.</summary>
public sealed partial class RtpEndpoint
{
    private readonly Lock _receiveLock = new();
    private readonly SymmetricRtpLatch _latch;
    private readonly long _relatchAfter;
    private readonly RtpArrivalClock _arrivalClock;
    private SocketAddress? _advertisedRtcp;
    private SocketAddress? _latchedRtcp;
    private RtpReceiveStatistics? _statistics;
    private long _statisticsLastArrival;
    private bool _hasSenderReport;
    private uint _lastSenderReport;
    private long _lastSenderReportArrival;
    private long _lastRtpArrival;
    private int _inactivityReported;
    private long _inactivityTimeout;

    // Written only by the endpoint's receive thread; read by others through Counters.
    private long _rtpReceived;
    private long _rtpBytesReceived;
    private long _rtpMalformed;
    private long _rtpUnexpectedPayloadType;
    private long _rtpFromOtherSources;
    private long _rtcpReceived;
    private long _rtcpMalformed;
    private long _rtcpFromOtherSources;
    private long _latches;

    /// <summary>
    /// How long without accepted RTP before <see cref="IRtpEndpointHandler.OnInactive"/> is raised; set it to
    /// <see cref="Timeout.InfiniteTimeSpan"/> while the peer legitimately sends nothing (call on hold).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not positive and not infinite.</exception>
    public TimeSpan InactivityTimeout
    {
        get
        {
            long ticks = Volatile.Read(ref _inactivityTimeout);
            return ticks < 0 ? Timeout.InfiniteTimeSpan : _timeProvider.GetElapsedTime(0, ticks);
        }

        set
        {
            if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The inactivity timeout must be positive or infinite.");
            }

            long ticks = value == Timeout.InfiniteTimeSpan ? -1 : TimestampTicks.FromTimeSpan(value, _timeProvider.TimestampFrequency);
            Volatile.Write(ref _inactivityTimeout, ticks);
        }
    }

    /// <summary>The receive statistics of the peer's main stream; false before its first packet.</summary>
    public bool TryGetReceiveSummary(out RtpReceiveSummary summary)
    {
        lock (_receiveLock)
        {
            summary = _statistics?.GetSummary() ?? default;
            return _statistics is not null;
        }
    }

    /// <summary>
    /// The report block about the peer's main stream for the next SR or RR, with LSR/DLSR from its last SR; starts
    /// a new loss interval (RFC 3550 A.3). False while the stream has not been validated (nothing to report).
    /// </summary>
    public bool TryCreateReportBlock(out RtcpReportBlock block)
    {
        lock (_receiveLock)
        {
            if (_statistics is null || !_statistics.IsValidated)
            {
                block = default;
                return false;
            }

            uint delay = _hasSenderReport ? NtpTime.ToCompact(_timeProvider.GetElapsedTime(_lastSenderReportArrival)) : 0;
            block = _statistics.CreateReportBlock(_hasSenderReport ? _lastSenderReport : 0, delay);
            return true;
        }
    }

    /// <summary>One datagram from the receive thread; <paramref name="source"/> is a reused buffer.</summary>
    internal void OnDatagram(bool isRtcp, ReadOnlySpan<byte> datagram, SocketAddress source, long now)
    {
        if (IsDisposed)
        {
            return;
        }

        if (isRtcp)
        {
            OnRtcp(datagram, source, now);
        }
        else
        {
            OnRtp(datagram, source, now);
        }
    }

    /// <summary>Raises inactivity once per silent period; called from the receiver's timer.</summary>
    internal void CheckInactivity(long now)
    {
        long timeout = Volatile.Read(ref _inactivityTimeout);
        long last = Volatile.Read(ref _lastRtpArrival);
        if (timeout < 0 || now - last < timeout || IsDisposed)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _inactivityReported, 1, 0) != 0)
        {
            return;
        }

        // RTP may have resumed between the read and the flag: then this period was not silent after all.
        if (Volatile.Read(ref _lastRtpArrival) != last)
        {
            Volatile.Write(ref _inactivityReported, 0);
            return;
        }

        _handler.OnInactive(this, _timeProvider.GetElapsedTime(last, now));
    }

    private void OnRtp(ReadOnlySpan<byte> datagram, SocketAddress source, long now)
    {
        if (!RtpPacket.TryParse(datagram, out var packet))
        {
            _rtpMalformed++;
            return;
        }

        RtpLatchVerdict verdict;
        lock (_receiveLock)
        {
            verdict = _latch.Evaluate(source, packet.PayloadType, packet.Ssrc, packet.SequenceNumber, now);
            if (verdict == RtpLatchVerdict.Latched)
            {
                _latches++;
                PublishRtpDestination(_latch.Latched);
            }

            if (verdict is RtpLatchVerdict.Accepted or RtpLatchVerdict.Latched)
            {
                UpdateStatistics(packet, now);
            }
        }

        switch (verdict)
        {
            case RtpLatchVerdict.UnexpectedPayloadType:
                _rtpUnexpectedPayloadType++;
                return;
            case RtpLatchVerdict.OtherSource:
                _rtpFromOtherSources++;
                return;
        }

        _rtpReceived++;
        _rtpBytesReceived += packet.Bytes.Length;
        Volatile.Write(ref _lastRtpArrival, now);
        if (Volatile.Read(ref _inactivityReported) != 0)
        {
            Volatile.Write(ref _inactivityReported, 0);
        }

        _handler.OnRtpPacket(this, packet);
    }

    /// <summary>
    /// Statistics follow one SSRC, the stream's main one. Another SSRC from the same peer (telephone-event sent as
    /// its own stream, say) is not mixed in; it becomes the main one only after the current one has gone quiet.
    /// </summary>
    private void UpdateStatistics(RtpPacket packet, long now)
    {
        if (_statistics is null || (packet.Ssrc != _statistics.Ssrc && now - _statisticsLastArrival >= _relatchAfter))
        {
            _statistics = new RtpReceiveStatistics(packet.Ssrc);
            _hasSenderReport = false;
        }

        if (packet.Ssrc == _statistics.Ssrc)
        {
            _statistics.Update(packet.SequenceNumber, packet.Timestamp, _arrivalClock.ToRtpUnits(now));
            _statisticsLastArrival = now;
        }
    }

    private void OnRtcp(ReadOnlySpan<byte> datagram, SocketAddress source, long now)
    {
        if (!RtcpCompoundPacket.TryParse(datagram, out var compound, out _, allowReducedSize: true))
        {
            _rtcpMalformed++;
            return;
        }

        bool accepted;
        lock (_receiveLock)
        {
            accepted = AcceptRtcpSource(compound, source);
            if (accepted)
            {
                NoteSenderReports(compound, now);
            }
        }

        if (!accepted)
        {
            _rtcpFromOtherSources++;
            return;
        }

        _rtcpReceived++;
        _handler.OnRtcpPacket(this, compound);
    }

    /// <summary>
    /// Symmetric RTCP: accepts the latched RTCP source; latches to a new one that either is the SDP RTCP address
    /// (before any RTCP latch) or reports with the SSRC of the latched RTP stream, which a third party cannot know.
    /// </summary>
    private bool AcceptRtcpSource(RtcpCompoundPacket compound, SocketAddress source)
    {
        if (_latchedRtcp is not null && _latchedRtcp.Equals(source))
        {
            return true;
        }

        // The first word of every standard RTCP packet's body is the sender's SSRC (SR, RR, SDES, BYE, APP, feedback).
        var body = FirstBody(compound);
        bool fromLatchedStream = _latch.Latched is not null && body.Length >= 4
            && (BinaryPrimitives.ReadUInt32BigEndian(body) == _latch.LatchedSsrc
                || BinaryPrimitives.ReadUInt32BigEndian(body) == _statistics?.Ssrc);
        bool fromAdvertised = _latchedRtcp is null && _advertisedRtcp is not null && _advertisedRtcp.Equals(source);
        if (!fromLatchedStream && !fromAdvertised)
        {
            return false;
        }

        var latched = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span[..source.Size].CopyTo(latched.Buffer.Span);
        _latchedRtcp = latched;
        PublishRtcpDestination(latched);
        return true;
    }

    private static ReadOnlySpan<byte> FirstBody(RtcpCompoundPacket compound)
    {
        foreach (var packet in compound)
        {
            return packet.Body;
        }

        return default;
    }

    /// <summary>Remembers the last SR of the main stream, for the LSR and DLSR of our reports (RFC 3550 §6.4.1).</summary>
    private void NoteSenderReports(RtcpCompoundPacket compound, long now)
    {
        foreach (var packet in compound)
        {
            if (RtcpSenderReport.TryParse(packet, out var report, out _) && report.Ssrc == _statistics?.Ssrc)
            {
                _hasSenderReport = true;
                _lastSenderReport = NtpTime.ToCompact(report.SenderInfo.NtpTimestamp);
                _lastSenderReportArrival = now;
            }
        }
    }
}
