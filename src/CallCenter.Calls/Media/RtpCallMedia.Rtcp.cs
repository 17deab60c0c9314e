using System.Net;
using CallCenter.Media.G711;
using CallCenter.Media.Rtcp;
using CallCenter.Media.Sdp;
using CallCenter.Media.Transport;

namespace CallCenter.Calls.Media;

/// <summary>
/// The RTCP side of <see cref="RtpCallMedia"/> (RFC 3550 §6) and its statistics: periodic SR/RR reports with an SDES
/// CNAME, paced by the shared media clock rather than a timer per leg; what the peer reports about our stream; a BYE
/// when the leg ends; and the counts the engine sums for metrics.
/// </summary>
public sealed partial class RtpCallMedia
{
    private readonly int _lowerLayerOverhead; // UDP + IP header octets, counted in RTCP sizes (§6.3.3)
    private RtcpScheduler? _rtcp;
    private long _sentAtLastReport;
    private long _sentAtReportBefore;
    private long _receivedAtLastReport;
    private long _receivedAtReportBefore;
    private RtcpReportBlock? _peerReport;

    /// <summary>What this leg has moved so far (read without the lock: each figure only grows). Received RTP is counted by the endpoint, sent RTP by the send statistics the SR reports.</summary>
    internal MediaTrafficTotals Traffic
    {
        get
        {
            var counters = _endpoint.Counters;
            return new MediaTrafficTotals(
                counters.RtpReceived,
                counters.RtpBytesReceived,
                _sent.PacketCount,
                _sent.ByteCount,
                counters.RtcpReceived,
                counters.RtcpSent);
        }
    }

    void IRtpEndpointHandler.OnRtcpPacket(RtpEndpoint endpoint, RtcpCompoundPacket compound)
    {
        // The endpoint has validated the compound (A.2) and remembered the peer's SR for LSR/DLSR; what is left is the
        // peer's report about our stream. Nothing here can throw, whatever the packets hold.
        bool aboutUs = RtcpReceptionFeedback.TryFind(compound, _ssrc, out var block);
        lock (_gate)
        {
            _rtcp?.OnReceived(compound.Bytes.Length + _lowerLayerOverhead);
            if (aboutUs)
            {
                _peerReport = block;
            }
        }
    }

    /// <summary>Starts the report schedule the first time media is negotiated; called under the lock.</summary>
    private void StartReports(NegotiatedMedia media)
    {
        if (_rtcp is not null)
        {
            return;
        }

        // §6.2: RTCP gets 5% of the session bandwidth, both parties sending this codec at this packet time.
        int packetTime = Math.Max(1, media.PacketTimeMilliseconds);
        double bandwidth = RtcpInterval.BandwidthForAudio(
            packetTime * media.ClockRate / 1000, 1000.0 / packetTime, _lowerLayerOverhead, participants: 2);
        Volatile.Write(ref _rtcp, new RtcpScheduler(bandwidth, _engine.Time.GetTimestamp(), _engine.Time.TimestampFrequency, Random.Shared));
    }

    /// <summary>Clock thread: sends a report when the schedule says so.</summary>
    private void SendReportIfDue(long now)
    {
        // Every tick of every leg comes here: the lock is taken only once the scheduled time may have come (a stale
        // read of the time costs at most one tick's delay or one needless look under the lock).
        var scheduler = Volatile.Read(ref _rtcp);
        if (scheduler is null || now < scheduler.NextTransmission)
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed || !scheduler.IsDue(now, Membership()))
            {
                return;
            }
        }

        SendReport(now, goodbye: false);
    }

    /// <summary>
    /// Ends the RTCP session with a BYE (§6.6) in a last compound report. §6.3.7: a participant that never sent RTP or
    /// RTCP sends no BYE; with two members it goes at once, without the back-off large sessions need.
    /// </summary>
    private void SayGoodbye()
    {
        bool started;
        lock (_gate)
        {
            started = _rtcp is not null;
        }

        if (started && (_sent.HasSent || _endpoint.Counters.RtcpSent > 0))
        {
            SendReport(_engine.Time.GetTimestamp(), goodbye: true);
        }
    }

    /// <summary>Builds and sends one compound packet: SR or RR, the peer's report block if any, CNAME, and BYE when leaving.</summary>
    private void SendReport(long now, bool goodbye)
    {
        if (!HasRtcpDestination())
        {
            return;
        }

        // Taken before the leg's lock: the endpoint guards its statistics with its own lock, and taking the block
        // starts a new loss interval (A.3), so it is taken only for a report that goes out.
        RtcpReportBlock? block = _endpoint.TryCreateReportBlock(out var received) ? received : null;
        ulong ntp = NtpTime.FromDateTimeOffset(_engine.Time.GetUtcNow());
        Span<byte> buffer = stackalloc byte[RtcpReport.MaxLength];
        int length;
        lock (_gate)
        {
            if (_rtcp is null)
            {
                return;
            }

            var membership = Membership();
            var senderInfo = membership.WeSent ? _sent.CreateSenderInfo(ntp, now) : (RtcpSenderInfo?)null;
            if (!new RtcpReport(_ssrc, senderInfo, block, goodbye).TryWrite(buffer, _engine.CanonicalNameBytes.Span, out length))
            {
                return;
            }

            _rtcp.OnSent(now, length + _lowerLayerOverhead, membership);
            (_sentAtReportBefore, _sentAtLastReport) = (_sentAtLastReport, _sent.PacketCount);
            (_receivedAtReportBefore, _receivedAtLastReport) = (_receivedAtLastReport, _endpoint.Counters.RtpReceived);
        }

        _endpoint.SendRtcp(buffer[..length]);
    }

    /// <summary>
    /// The session as RTCP counts it (§6.3): ourselves, plus the peer once heard from; a member is a sender if it sent
    /// RTP during the last two report intervals, the rule A.7 gives for we_sent (an SR is sent then, §6.4).
    /// </summary>
    private RtcpMembership Membership()
    {
        var counters = _endpoint.Counters;
        bool weSent = _sent.PacketCount > _sentAtReportBefore;
        bool peerSent = counters.RtpReceived > _receivedAtReportBefore;
        bool peerHeard = counters.RtpReceived > 0 || counters.RtcpReceived > 0;
        return new RtcpMembership(peerHeard ? 2 : 1, (weSent ? 1 : 0) + (peerSent ? 1 : 0), weSent);
    }

    /// <summary>False while RTCP has nowhere useful to go: no address yet, or a peer holding with c=0.0.0.0 (RFC 3264 §8.4).</summary>
    private bool HasRtcpDestination() =>
        _endpoint.RemoteRtcpEndPoint is { } remote && !remote.Address.Equals(IPAddress.Any) && !remote.Address.Equals(IPAddress.IPv6Any);

    /// <summary>The leg's final figures; called once, after the endpoint has stopped receiving.</summary>
    private MediaLegSummary Summarize()
    {
        var traffic = Traffic;
        bool measured = _endpoint.TryGetReceiveSummary(out var stream);
        long expected = measured ? stream.PacketsExpected : 0;
        long lost = measured ? Math.Max(0, stream.CumulativeLost) : 0;
        RtcpReportBlock? peer;
        lock (_gate)
        {
            peer = _peerReport;
        }

        return new MediaLegSummary(
            _legId,
            traffic.RtpPacketsReceived,
            traffic.RtpBytesReceived,
            traffic.RtpPacketsSent,
            traffic.RtpBytesSent,
            traffic.RtcpPacketsReceived,
            traffic.RtcpPacketsSent,
            expected,
            lost,
            measured ? ToMilliseconds(stream.Jitter) : 0,
            peer is { } report ? new PeerReceptionReport(report.FractionLost / 256.0, report.CumulativeLost, ToMilliseconds(report.Jitter)) : null);
    }

    /// <summary>RTP timestamp units of the 8 kHz G.711 clock (RFC 3551 §4.5.14) in milliseconds.</summary>
    private static double ToMilliseconds(uint timestampUnits) => timestampUnits / (G711Frame.SampleRate / 1000.0);
}
