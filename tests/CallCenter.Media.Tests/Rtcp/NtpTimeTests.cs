using CallCenter.Media.Rtcp;

namespace CallCenter.Media.Tests.Rtcp;

public class NtpTimeTests
{
    [Fact]
    public void Unix_epoch_is_2208988800_seconds_after_the_ntp_epoch()
    {
        Assert.Equal(2_208_988_800UL << 32, NtpTime.FromDateTimeOffset(DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Fractions_of_a_second_fill_the_low_word()
    {
        var halfPast = DateTimeOffset.UnixEpoch.AddMilliseconds(500);
        Assert.Equal((2_208_988_800UL << 32) | 0x80000000, NtpTime.FromDateTimeOffset(halfPast));
    }

    [Fact]
    public void Seconds_wrap_after_2036()
    {
        var eraOne = new DateTimeOffset(2036, 2, 7, 6, 28, 16, TimeSpan.Zero);
        Assert.Equal(0UL, NtpTime.FromDateTimeOffset(eraOne));
    }

    [Fact]
    public void Compact_form_is_the_middle_32_bits()
    {
        Assert.Equal(0x56789ABCu, NtpTime.ToCompact(0x12345678_9ABCDEF0));
        Assert.Equal(0x00010000u, NtpTime.ToCompact(TimeSpan.FromSeconds(1)));
        Assert.Equal(0x00008000u, NtpTime.ToCompact(TimeSpan.FromMilliseconds(500)));
        Assert.Equal(0u, NtpTime.ToCompact(TimeSpan.FromSeconds(-1)));
        Assert.Equal(uint.MaxValue, NtpTime.ToCompact(TimeSpan.FromDays(2)));
        Assert.Equal(TimeSpan.FromMilliseconds(250), NtpTime.FromCompact(0x4000));
    }

    [Fact]
    public void Round_trip_time_follows_the_rfc_3550_example()
    {
        // §6.4.1 example: A = 0xB710_8000 (46864.500 s), LSR = 0xB705_2000 (46853.125 s), DLSR = 0x0005_4000 (5.25 s):
        // RTT = 46864.500 - 46853.125 - 5.250 = 6.125 s.
        Assert.Equal(TimeSpan.FromSeconds(6.125), NtpTime.RoundTripTime(0xB7108000, 0xB7052000, 0x00054000));
        Assert.Null(NtpTime.RoundTripTime(0xB7108000, 0, 0));
        Assert.Null(NtpTime.RoundTripTime(0xB7000000, 0xB7052000, 0x00054000));
    }
}
