using System.Net;
using CallCenter.Calls.Media;
using CallCenter.Calls.Tests.Media.Support;
using CallCenter.Media.Rtcp;
using CallCenter.Media.Rtp;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Calls.Tests.Media;

/// <summary>
/// RTCP from a leg (RFC 3550 §6): SR or RR with the peer's report block and our CNAME on the §6.3 schedule, paced by
/// clock ticks (driven by hand here, on faked time), a BYE when the leg ends, and any RTCP from the peer harmless.
/// </summary>
public class RtpCallMediaRtcpTests
{
    private const int Ports = 30300;
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    // Bounds of the first interval (half the 5 s minimum, randomised 0.5–1.5, divided by e − 3/2) and of later ones.
    private static readonly TimeSpan FirstEarliest = TimeSpan.FromSeconds(1.25 / 1.21828);
    private static readonly TimeSpan FirstLatest = TimeSpan.FromSeconds(3.75 / 1.21828);
    private static readonly TimeSpan Earliest = TimeSpan.FromSeconds(2.5 / 1.21828);
    private static readonly TimeSpan Latest = TimeSpan.FromSeconds(7.5 / 1.21828);

    [Fact]
    public void A_leg_that_sent_rtp_reports_with_an_sr_carrying_its_counts_the_mapped_timestamp_and_its_cname()
    {
        var time = new FakeTimeProvider(Start);
        using var harness = new MediaEngineHarness(Ports, time, startClock: false);
        using var rtcp = new RtcpPort();
        var (peer, leg) = Answered(harness, rtcp);

        leg.Media.Tick(10);
        time.Advance(FirstEarliest - TimeSpan.FromMilliseconds(1));
        leg.Media.Tick();
        Assert.Equal(0, leg.Media.TransportCounters.RtcpSent);

        time.Advance(FirstLatest);
        leg.Media.Tick();
        var report = ReceivedRtcp.Parse(rtcp.WaitForDatagram(0));
        Eventually.True(() => peer.ReceivedCount >= 11, "the frames sent before the report at the peer");

        var frames = peer.Received;
        Assert.Equal([(byte)RtcpPacketType.SenderReport, (byte)RtcpPacketType.SourceDescription], report.PacketTypes);
        Assert.Equal(frames[0].Ssrc, report.Ssrc);
        Assert.Equal("callcenter@127.0.0.1", report.CanonicalName);
        Assert.Empty(report.Blocks);

        // §6.4.1: NTP time of the report, and the RTP time of the same instant: the timestamp of the last frame before
        // it (the eleventh, sent on the tick just short of the earliest report time) plus the time since, at 8 kHz.
        var info = report.SenderInfo!.Value;
        Assert.Equal(NtpTime.FromDateTimeOffset(time.GetUtcNow()), info.NtpTimestamp);
        Assert.Equal(unchecked(frames[10].Timestamp + (uint)(FirstLatest.Ticks * 8000 / TimeSpan.TicksPerSecond)), info.RtpTimestamp);
        Assert.Equal(11u, info.PacketCount);
        Assert.Equal(11u * 160, info.OctetCount);
    }

    [Fact]
    public void A_leg_that_has_not_sent_reports_with_an_rr_whose_block_has_the_loss_and_the_peers_last_sr()
    {
        var time = new FakeTimeProvider(Start);
        using var harness = new MediaEngineHarness(Ports, time, startClock: false);
        using var rtcp = new RtcpPort();
        var (peer, leg) = Answered(harness, rtcp);

        // 1000..1019 with four missing; 1000 is the probation packet (RFC 3550 A.1): 19 expected, 15 received.
        var sent = SendStream(peer, leg, 1000, 20, missing: [1005, 1010, 1011, 1017]);
        Eventually.True(() => leg.Media.TransportCounters.RtpReceived == sent, "stream delivered");
        rtcp.SendSenderReport(RtcpEndPoint(leg), peer.Ssrc, 0xE8AB_CDEF_1234_5678);
        Eventually.True(() => leg.Media.TransportCounters.RtcpReceived == 1, "SR delivered");

        time.Advance(TimeSpan.FromSeconds(3.1));
        leg.Media.Tick();
        var report = ReceivedRtcp.Parse(rtcp.WaitForDatagram(0));

        Assert.Equal([(byte)RtcpPacketType.ReceiverReport, (byte)RtcpPacketType.SourceDescription], report.PacketTypes);
        var block = Assert.Single(report.Blocks);
        Assert.Equal(peer.Ssrc, block.Ssrc);
        Assert.Equal(4 * 256 / 19, block.FractionLost);
        Assert.Equal(4, block.CumulativeLost);
        Assert.Equal(1019u, block.ExtendedHighestSequence);
        Assert.Equal(0xCDEF_1234u, block.LastSenderReport);
        Assert.Equal(NtpTime.ToCompact(TimeSpan.FromSeconds(3.1)), block.DelaySinceLastSenderReport);
    }

    [Fact]
    public void Reports_follow_the_interval_rule_first_after_half_the_minimum_then_every_2_to_6_seconds()
    {
        var time = new FakeTimeProvider(Start);
        using var harness = new MediaEngineHarness(Ports, time, startClock: false);
        using var rtcp = new RtcpPort();
        var (_, leg) = Answered(harness, rtcp);
        var step = TimeSpan.FromMilliseconds(50);
        var sentAt = new List<TimeSpan>();

        for (var elapsed = TimeSpan.Zero; sentAt.Count < 12; elapsed += step)
        {
            leg.Media.Tick();
            if (leg.Media.TransportCounters.RtcpSent > sentAt.Count)
            {
                sentAt.Add(elapsed);
            }

            time.Advance(step);
        }

        // A report goes out on the first tick at or after its time, so each is seen up to one step late.
        Assert.InRange(sentAt[0], FirstEarliest, FirstLatest + step);
        for (var i = 1; i < sentAt.Count; i++)
        {
            Assert.InRange(sentAt[i] - sentAt[i - 1], Earliest - step, Latest + step);
        }

        Assert.All(Enumerable.Range(0, 12), i => Assert.True(ReceivedRtcp.Parse(rtcp.WaitForDatagram(i)).IsSenderReport));
    }

    [Fact]
    public void After_the_leg_stops_sending_its_reports_turn_to_rr_once_two_intervals_passed_without_rtp()
    {
        var time = new FakeTimeProvider(Start);
        using var harness = new MediaEngineHarness(Ports, time, startClock: false);
        using var rtcp = new RtcpPort();
        var (peer, leg) = Answered(harness, rtcp);
        leg.Media.Tick(5);

        // The peer puts us on hold (a=sendonly, RFC 3264 §8.4) before the first report: we receive only, so the five
        // frames are all we send.
        var hold = leg.Media.AnswerOffer(PeerSdp.Offer(peer.Port, "0 101", "sendonly", extraMediaLines: rtcp.SdpAttribute));
        Assert.True(hold.Accepted, hold.Warning);
        NextReport(leg, time);
        NextReport(leg, time);
        NextReport(leg, time);
        Assert.Equal(5, leg.Media.TransportCounters.RtpSent);

        var reports = Enumerable.Range(0, 3).Select(i => ReceivedRtcp.Parse(rtcp.WaitForDatagram(i))).ToArray();

        // §6.4 / A.7: an SR while we sent during the last two report intervals, then an RR.
        Assert.Equal([true, true, false], reports.Select(r => r.IsSenderReport));
        Assert.All(reports, r => Assert.Equal("callcenter@127.0.0.1", r.CanonicalName));
    }

    [Fact]
    public void Disposing_the_leg_sends_a_final_report_ending_in_a_bye_for_its_ssrc()
    {
        var time = new FakeTimeProvider(Start);
        using var harness = new MediaEngineHarness(Ports, time, startClock: false);
        using var rtcp = new RtcpPort();
        var (peer, leg) = Answered(harness, rtcp);
        leg.Media.Tick(3);
        Eventually.True(() => peer.ReceivedCount == 3, "three frames at the peer");

        leg.Media.Dispose();
        var bye = ReceivedRtcp.Parse(rtcp.WaitForDatagram(0));

        Assert.Equal(
            [(byte)RtcpPacketType.SenderReport, (byte)RtcpPacketType.SourceDescription, (byte)RtcpPacketType.Goodbye],
            bye.PacketTypes);
        Assert.Equal([peer.Received[0].Ssrc], bye.Goodbyes);
        Assert.Equal("callcenter@127.0.0.1", bye.CanonicalName);
        Assert.Equal(3u, bye.SenderInfo!.Value.PacketCount);
    }

    [Fact]
    public void A_leg_that_never_sent_rtp_or_rtcp_leaves_without_a_bye()
    {
        var time = new FakeTimeProvider(Start);
        using var harness = new MediaEngineHarness(Ports, time, startClock: false);
        using var rtcp = new RtcpPort();
        var (_, leg) = Answered(harness, rtcp);

        leg.Media.Dispose();

        // §6.3.7: a participant that never sent RTP or RTCP sends no BYE.
        Assert.Equal(0, leg.Media.TransportCounters.RtcpSent);
        Assert.Equal(0, leg.Media.TransportCounters.SendsWithoutDestination);
    }

    [Fact]
    public void Garbage_and_odd_rtcp_from_the_peer_change_nothing_but_its_report_about_us_is_kept()
    {
        var time = new FakeTimeProvider(Start);
        using var harness = new MediaEngineHarness(Ports, time, startClock: false);
        using var rtcp = new RtcpPort();
        var (peer, leg) = Answered(harness, rtcp);
        var summaries = new List<MediaLegSummary>();
        harness.Engine.LegClosed += summaries.Add;
        leg.Media.Tick();
        Eventually.True(() => peer.ReceivedCount == 1, "a frame at the peer");
        var ourSsrc = peer.Received[0].Ssrc;
        var to = RtcpEndPoint(leg);

        var random = new Random(3550);
        for (var i = 0; i < 200; i++)
        {
            var junk = new byte[random.Next(0, 300)];
            random.NextBytes(junk);
            rtcp.Send(to, junk);
        }

        // Valid compounds with odd contents: blocks about other sources, an SR from a stranger SSRC, a BYE, an APP.
        rtcp.SendReceiverReport(to, peer.Ssrc, new RtcpReportBlock(ourSsrc ^ 1, 255, -5, 7, 1_000_000, 1, 1));
        rtcp.SendSenderReport(to, 0xDEAD, 0xFFFF_FFFF_FFFF_FFFF, new RtcpReportBlock(0xBEEF, 1, 1, 1, 1, 1, 1));
        rtcp.Send(to, [0x80, 0xC9, 0x00, 0x01, 0, 0, 0, 9, 0x81, 0xCB, 0x00, 0x01, 0, 0, 0, 9, 0x80, 0xCC, 0x00, 0x02, 0, 0, 0, 9, 0x41, 0x42, 0x43, 0x44]);

        // Then what the peer really thinks of our stream: 1/8 lost, 7 packets in all, 80 timestamp units of jitter.
        rtcp.SendReceiverReport(to, peer.Ssrc, new RtcpReportBlock(ourSsrc, 32, 7, 100, 80, 0, 0));
        Eventually.True(() => leg.Media.TransportCounters.RtcpReceived == 4, "the four valid compounds delivered");

        time.Advance(FirstLatest);
        leg.Media.Tick();
        Assert.True(ReceivedRtcp.Parse(rtcp.WaitForDatagram(0)).IsSenderReport);
        harness.AssertNothingThrew();
        Assert.True(leg.Media.TransportCounters.RtcpMalformed > 0);

        leg.Media.Dispose();
        var summary = Assert.Single(summaries);
        Assert.Equal(new PeerReceptionReport(0.125, 7, 10.0), summary.PeerReport);
    }

    /// <summary>A leg whose peer offered PCMU and telephone-event, with its RTCP at <paramref name="rtcp"/> (a=rtcp).</summary>
    internal static (RtpPeer Peer, TestLeg Leg) Answered(MediaEngineHarness harness, RtcpPort rtcp)
    {
        var peer = harness.Peer();
        var leg = harness.Open("leg-" + peer.Port);
        var negotiation = leg.Media.AnswerOffer(PeerSdp.Offer(peer.Port, "0 101", extraMediaLines: rtcp.SdpAttribute));
        Assert.True(negotiation.Accepted, negotiation.Warning);
        return (peer, leg);
    }

    internal static IPEndPoint RtcpEndPoint(TestLeg leg) => new(IPAddress.Loopback, leg.Media.LocalPort + 1);

    /// <summary>Sends PCMU packets <paramref name="first"/>.. of the peer's stream, skipping <paramref name="missing"/>; how many went.</summary>
    internal static int SendStream(RtpPeer peer, TestLeg leg, ushort first, int count, ushort[] missing)
    {
        var payload = new byte[160];
        var sent = 0;
        for (var i = 0; i < count; i++)
        {
            var sequence = (ushort)(first + i);
            if (!missing.Contains(sequence))
            {
                peer.SendRtp(leg.RtpEndPoint, new RtpHeader(0, sequence, sequence * 160u, peer.Ssrc), payload);
                sent++;
            }
        }

        return sent;
    }

    /// <summary>Ticks on faked time, in 100 ms steps, until the leg has sent one more report.</summary>
    private static void NextReport(TestLeg leg, FakeTimeProvider time)
    {
        var before = leg.Media.TransportCounters.RtcpSent;
        for (var i = 0; i < 100 && leg.Media.TransportCounters.RtcpSent == before; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            leg.Media.Tick();
        }

        Assert.Equal(before + 1, leg.Media.TransportCounters.RtcpSent);
    }
}
