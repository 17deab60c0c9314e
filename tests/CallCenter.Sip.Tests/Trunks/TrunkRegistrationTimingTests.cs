using CallCenter.Sip.Core;

namespace CallCenter.Sip.Tests.Trunks;

/// <summary>Refresh ahead of expiry (RFC 3261 §10.2.4) and back-off after failures.</summary>
public sealed class TrunkRegistrationTimingTests
{
    [Theory]
    [InlineData(3600, 3540)]
    [InlineData(120, 60)]
    [InlineData(60, 30)]
    [InlineData(10, 5)]
    public void A_binding_is_refreshed_a_minute_early_or_at_half_its_life_when_short(int grantedSeconds, int refreshSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(refreshSeconds), RegistrationTiming.RefreshDelay(TimeSpan.FromSeconds(grantedSeconds)));

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(6, 960)]
    [InlineData(7, 1800)]
    [InlineData(1000, 1800)]
    public void Retries_back_off_by_doubling_up_to_the_maximum(int failures, int seconds) =>
        Assert.Equal(
            TimeSpan.FromSeconds(seconds),
            RegistrationTiming.RetryDelay(failures, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(30)));

    [Fact]
    public void There_is_no_back_off_before_a_failure() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RegistrationTiming.RetryDelay(0, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(30)));
}
