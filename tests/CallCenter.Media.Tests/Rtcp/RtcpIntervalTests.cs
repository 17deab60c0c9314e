using CallCenter.Media.Rtcp;

namespace CallCenter.Media.Tests.Rtcp;

/// <summary>The RTCP transmission interval of RFC 3550 §6.3.1.</summary>
public class RtcpIntervalTests
{
    // A G.711 call: 5% of two 80 kbit/s streams (160-byte payloads + 40 header octets, 50 packets/s each).
    private const double CallBandwidth = 1000;
    private static readonly RtcpMembership Call = new(2, 2, WeSent: true);

    [Fact]
    public void A_call_is_far_below_the_bandwidth_limit_so_the_minimum_of_5_s_applies()
    {
        Assert.Equal(CallBandwidth, RtcpInterval.BandwidthForAudio(160, 50, 28, participants: 2));
        Assert.Equal(TimeSpan.FromSeconds(5), RtcpInterval.Deterministic(Call, CallBandwidth, 128, initial: false));
    }

    [Fact]
    public void The_first_report_may_come_after_half_the_minimum()
    {
        Assert.Equal(TimeSpan.FromSeconds(2.5), RtcpInterval.Deterministic(Call, CallBandwidth, 128, initial: true));
    }

    [Fact]
    public void A_large_session_shares_the_bandwidth_among_its_members()
    {
        // 1000 members, all sending, 100-octet reports, 1000 octets/s: 100 s.
        var members = new RtcpMembership(1000, 1000, WeSent: true);
        Assert.Equal(TimeSpan.FromSeconds(100), RtcpInterval.Deterministic(members, 1000, 100, initial: false));
    }

    [Fact]
    public void When_senders_are_a_quarter_or_fewer_they_share_a_quarter_of_the_bandwidth()
    {
        // 1000 members, 100 senders, 100-octet reports, 1000 octets/s: a sender shares 250 octets/s with the other 99
        // senders, a receiver 750 octets/s with the other 899 receivers.
        var asSender = new RtcpMembership(1000, 100, WeSent: true);
        var asReceiver = new RtcpMembership(1000, 100, WeSent: false);

        Assert.Equal(100.0 * 100 / 250, RtcpInterval.Deterministic(asSender, 1000, 100, initial: false).TotalSeconds, 9);
        Assert.Equal(100.0 * 900 / 750, RtcpInterval.Deterministic(asReceiver, 1000, 100, initial: false).TotalSeconds, 9);
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(0.5, 1.0)]
    [InlineData(0.999999, 1.499999)]
    public void The_interval_is_randomised_over_half_to_one_and_a_half_times_and_compensated(double random, double factor)
    {
        var interval = RtcpInterval.Randomized(Call, CallBandwidth, 128, initial: false, random);

        // 1/(e - 3/2) compensates for the shorter mean that reconsideration produces.
        Assert.Equal(5 * factor / 1.21828, interval.TotalSeconds, 5);
    }

    [Fact]
    public void Every_randomised_interval_of_a_call_lies_between_2_05_s_and_6_16_s()
    {
        var random = new Random(3550);
        for (int i = 0; i < 10_000; i++)
        {
            var seconds = RtcpInterval.Randomized(Call, CallBandwidth, 128, initial: false, random.NextDouble()).TotalSeconds;
            Assert.InRange(seconds, 2.5 / 1.21828, 7.5 / 1.21828);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(double.NaN)]
    public void Nonsense_bandwidth_falls_back_to_the_minimum(double bandwidth)
    {
        Assert.Equal(TimeSpan.FromSeconds(5), RtcpInterval.Deterministic(Call, bandwidth, 128, initial: false));
    }
}
