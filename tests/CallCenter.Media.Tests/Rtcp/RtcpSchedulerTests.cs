using CallCenter.Media.Rtcp;

namespace CallCenter.Media.Tests.Rtcp;

/// <summary>When reports go out (RFC 3550 §6.3): first after half the minimum, then each interval, reconsidered at expiry.</summary>
public class RtcpSchedulerTests
{
    private const long Frequency = 1000; // millisecond ticks
    private const double CallBandwidth = 1000;
    private static readonly RtcpMembership Call = new(2, 2, WeSent: true);

    [Fact]
    public void The_first_report_is_due_after_half_the_minimum_interval_randomised()
    {
        // Random 0.5: factor 1, so 2.5 s / 1.21828 = 2052 ms.
        var scheduler = new RtcpScheduler(CallBandwidth, now: 10_000, Frequency, new FixedRandom(0.5));

        Assert.True(scheduler.IsInitial);
        Assert.Equal(10_000 + 2052, scheduler.NextTransmission);
        Assert.False(scheduler.IsDue(12_051, Call));
        Assert.True(scheduler.IsDue(12_052, Call));
    }

    [Fact]
    public void After_a_report_the_next_is_one_regular_interval_later()
    {
        var scheduler = new RtcpScheduler(CallBandwidth, now: 0, Frequency, new FixedRandom(0.5));
        scheduler.OnSent(3000, 128, Call);

        Assert.False(scheduler.IsInitial);
        Assert.Equal(3000, scheduler.PreviousTransmission);
        Assert.Equal(3000 + 4104, scheduler.NextTransmission); // 5 s / 1.21828
        Assert.False(scheduler.IsDue(7103, Call));
        Assert.True(scheduler.IsDue(7104, Call));
    }

    [Fact]
    public void At_expiry_a_longer_reconsidered_interval_postpones_the_report()
    {
        // Scheduled with factor 0.5 (1026 ms); reconsidered with factor 1.5 (3078 ms after the start).
        var random = new FixedRandom(0.0, 1.0);
        var scheduler = new RtcpScheduler(CallBandwidth, now: 0, Frequency, random);
        Assert.Equal(1026, scheduler.NextTransmission);

        Assert.False(scheduler.IsDue(1026, Call));
        Assert.Equal(3078, scheduler.NextTransmission);
        Assert.True(scheduler.IsDue(3078, Call));
    }

    [Fact]
    public void The_average_size_moves_a_sixteenth_of_the_way_to_each_packet()
    {
        var scheduler = new RtcpScheduler(CallBandwidth, now: 0, Frequency, new FixedRandom(0.5), initialAverageSize: 100);

        scheduler.OnReceived(260);
        Assert.Equal(110, scheduler.AverageRtcpSize, 9);
        scheduler.OnSent(5000, 110, Call);
        Assert.Equal(110, scheduler.AverageRtcpSize, 9);
        scheduler.OnReceived(0);
        Assert.Equal(110, scheduler.AverageRtcpSize, 9);
    }

    /// <summary>A random source that returns the given values in turn, then the last one forever.</summary>
    private sealed class FixedRandom(params double[] values) : Random
    {
        private int _next;

        public override double NextDouble() => values[Math.Min(_next++, values.Length - 1)];
    }
}
