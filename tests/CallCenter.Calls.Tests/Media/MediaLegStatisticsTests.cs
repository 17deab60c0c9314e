using CallCenter.Calls.Media;
using CallCenter.Calls.Tests.Media.Support;
using CallCenter.Media.Dtmf;
using CallCenter.Media.Rtp;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Calls.Tests.Media;

/// <summary>
/// What the engine tells metrics: each leg's summary when it ends (packets, loss and jitter of the peer's stream as
/// RFC 3550 Appendix A measures them), running traffic totals over all legs, and every key press with its method.
/// </summary>
public class MediaLegStatisticsTests
{
    private const int Ports = 30900;
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_summary_gives_the_counts_loss_and_jitter_of_a_stream_with_known_gaps_and_timing()
    {
        // Faked time stands still, so every packet arrives at the same instant: each step of 160 samples between
        // consecutive packets is a transit-time change of 160 (320 and more across a gap), and the A.8 estimate climbs
        // towards that: just over 20 ms here.
        var time = new FakeTimeProvider(Start);
        using var harness = new MediaEngineHarness(Ports, time, startClock: false);
        var summaries = new List<MediaLegSummary>();
        harness.Engine.LegClosed += summaries.Add;
        var peer = harness.Peer();
        var leg = harness.Answered(peer, "0 101");
        ushort[] missing = [2010, 2011, 2025, 2040, 2041, 2042, 2060, 2077, 2090, 2095];
        var payload = new byte[160];
        var received = new List<ushort>();
        for (var sequence = (ushort)2000; sequence < 2100; sequence++)
        {
            if (!missing.Contains(sequence))
            {
                peer.SendRtp(leg.RtpEndPoint, new RtpHeader(0, sequence, sequence * 160u, peer.Ssrc), payload);
                received.Add(sequence);
            }
        }

        Eventually.True(() => leg.Media.TransportCounters.RtpReceived == 90, "the 90 packets delivered");
        leg.Media.Tick(3);
        leg.Media.Dispose();

        var summary = Assert.Single(summaries);
        Assert.Equal("leg-" + peer.Port, summary.LegId);
        Assert.Equal(90, summary.PacketsReceived);
        Assert.Equal(90 * 172, summary.BytesReceived);
        Assert.Equal(3, summary.PacketsSent);
        Assert.Equal(3 * 172, summary.BytesSent);

        // 2000 is the probation packet (A.1): 2001..2099 are expected, 99 packets, of which 10 never came.
        Assert.True(summary.HasReceiveStatistics);
        Assert.Equal(99, summary.PacketsExpected);
        Assert.Equal(10, summary.PacketsLost);
        Assert.Equal(10.0 / 99, summary.LossFraction, 12);
        Assert.Equal(ReferenceJitter(received) / 8.0, summary.JitterMilliseconds, 12);
        Assert.Null(summary.PeerReport);
    }

    [Fact]
    public void A_leg_that_never_received_a_stream_has_no_receive_statistics()
    {
        using var harness = new MediaEngineHarness(Ports, new FakeTimeProvider(Start), startClock: false);
        var summaries = new List<MediaLegSummary>();
        harness.Engine.LegClosed += summaries.Add;
        var leg = harness.Open("never-answered");

        leg.Media.Dispose();

        var summary = Assert.Single(summaries);
        Assert.False(summary.HasReceiveStatistics);
        Assert.Equal(0, summary.LossFraction);
        Assert.Equal(0, summary.PacketsReceived + summary.PacketsSent + summary.RtcpPacketsSent);
    }

    [Fact]
    public void Traffic_totals_sum_the_open_legs_and_keep_what_closed_legs_moved()
    {
        using var harness = new MediaEngineHarness(Ports, new FakeTimeProvider(Start), startClock: false);
        var firstPeer = harness.Peer();
        var secondPeer = harness.Peer();
        var first = harness.Answered(firstPeer, "0 101");
        var second = harness.Answered(secondPeer, "0 101");
        var payload = new byte[160];

        firstPeer.SendAudio(first.RtpEndPoint, 0, payload);
        firstPeer.SendAudio(first.RtpEndPoint, 0, payload);
        secondPeer.SendAudio(second.RtpEndPoint, 0, payload.AsSpan(0, 80));
        Eventually.True(() => harness.Engine.GetTrafficTotals().RtpPacketsReceived == 3, "three packets counted");
        first.Media.Tick(4);
        second.Media.Tick(1);

        var open = harness.Engine.GetTrafficTotals();
        Assert.Equal(new MediaTrafficTotals(3, (2 * 172) + 92, 5, 5 * 172, 0, 0), open);

        // Closing a leg keeps its counts, plus the RTCP BYE it sent on leaving.
        first.Media.Dispose();
        var afterClose = open with { RtcpPacketsSent = 1 };
        Assert.Equal(afterClose, harness.Engine.GetTrafficTotals());
        second.Media.Tick(1);
        Assert.Equal(afterClose with { RtpPacketsSent = 6, RtpBytesSent = 6 * 172 }, harness.Engine.GetTrafficTotals());
    }

    [Fact]
    public void Key_presses_from_the_media_are_reported_with_their_method()
    {
        using var harness = new MediaEngineHarness(Ports);
        var methods = new List<DtmfMethod>();
        harness.Engine.DigitReceived += method =>
        {
            lock (methods)
            {
                methods.Add(method);
            }
        };
        var peer = harness.Peer();
        var leg = harness.Answered(peer, "0 101");

        peer.SendDigits(leg.RtpEndPoint, 101, "12");
        leg.Events.WaitForDigits("12");

        lock (methods)
        {
            Assert.Equal([DtmfMethod.Rfc4733, DtmfMethod.Rfc4733], methods);
        }
    }

    [Fact]
    public void A_wrapped_sip_info_parser_reports_each_key_it_reads()
    {
        using var harness = new MediaEngineHarness(Ports, startClock: false);
        var methods = new List<DtmfMethod>();
        harness.Engine.DigitReceived += methods.Add;
        var parse = harness.Engine.CountingSipInfoDigits((type, body) => type == "application/dtmf-relay" ? body[^1] : null);

        Assert.Equal('5', parse("application/dtmf-relay", "Signal=5"));
        Assert.Null(parse("text/plain", "hello"));

        Assert.Equal([DtmfMethod.SipInfo], methods);
    }

    [Fact]
    public void The_canonical_name_is_callcenter_at_the_advertised_address_unless_configured()
    {
        using var harness = new MediaEngineHarness(Ports, startClock: false);

        Assert.Equal("callcenter@127.0.0.1", harness.Engine.CanonicalName);
    }

    /// <summary>RFC 3550 A.8 over packets that all arrive at one instant; counting starts with the validating packet.</summary>
    private static uint ReferenceJitter(IReadOnlyList<ushort> sequences)
    {
        double jitter = 0;
        for (var i = 2; i < sequences.Count; i++)
        {
            double transitChange = (sequences[i] - sequences[i - 1]) * 160.0;
            jitter += (transitChange - jitter) / 16;
        }

        return (uint)jitter;
    }
}
