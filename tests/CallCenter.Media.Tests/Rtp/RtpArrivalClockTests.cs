using CallCenter.Media.Rtp;

namespace CallCenter.Media.Tests.Rtp;

public class RtpArrivalClockTests
{
    [Fact]
    public void Converts_nanosecond_timestamps_to_8_kHz_units()
    {
        var clock = new RtpArrivalClock(8000, 1_000_000_000, origin: 5_000_000_000);
        Assert.Equal(0u, clock.ToRtpUnits(5_000_000_000));
        Assert.Equal(160u, clock.ToRtpUnits(5_020_000_000));
        Assert.Equal(8000u, clock.ToRtpUnits(6_000_000_000));
        Assert.Equal(8001u, clock.ToRtpUnits(6_000_125_000));
    }

    [Fact]
    public void Does_not_overflow_after_a_long_uptime()
    {
        long frequency = 1_000_000_000;
        var clock = new RtpArrivalClock(48000, frequency, origin: 0);
        long hundredDays = 100L * 86_400 * frequency;
        uint expected = unchecked((uint)(100L * 86_400 * 48000));
        Assert.Equal(expected, clock.ToRtpUnits(hundredDays));
        Assert.Equal(unchecked(expected + 48), clock.ToRtpUnits(hundredDays + 1_000_000));
    }

    [Fact]
    public void Invalid_rates_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RtpArrivalClock(0, 1000, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RtpArrivalClock(8000, 0, 0));
    }
}
