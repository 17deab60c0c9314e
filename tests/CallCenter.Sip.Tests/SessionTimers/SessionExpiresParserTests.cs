using CallCenter.Sip.SessionTimers;

namespace CallCenter.Sip.Tests.SessionTimers;

/// <summary>RFC 4028 §4 Session-Expires and §5 Min-SE values: what parses, what it means, and what is refused and why.</summary>
public sealed class SessionExpiresParserTests
{
    [Theory]
    [InlineData("1800", 1800, null)]
    [InlineData("90;refresher=uac", 90, SessionRefresher.Uac)]
    [InlineData("90;refresher=uas", 90, SessionRefresher.Uas)]
    [InlineData("  4000 ; refresher = UAS ", 4000, SessionRefresher.Uas)]
    [InlineData("1800;x-vendor=7;refresher=uac", 1800, SessionRefresher.Uac)]
    [InlineData("1800;x-flag", 1800, null)]
    [InlineData("0", 0, null)]
    [InlineData("4294967296", int.MaxValue, null)]
    public void Valid_values_give_the_interval_and_the_refresher(string value, int seconds, SessionRefresher? refresher)
    {
        Assert.True(SessionExpires.TryParse(value, out var parsed, out var error), error);
        Assert.Equal(new SessionExpires(seconds, refresher), parsed);
    }

    [Theory]
    [InlineData("", "Session-Expires must start with delta-seconds")]
    [InlineData("soon", "Session-Expires must start with delta-seconds")]
    [InlineData("-90", "Session-Expires must start with delta-seconds")]
    [InlineData(";refresher=uac", "Session-Expires must start with delta-seconds")]
    [InlineData("90;refresher=both", "Session-Expires refresher must be uac or uas")]
    [InlineData("90;refresher", "Session-Expires refresher must be uac or uas")]
    [InlineData("90 seconds", "Session-Expires has malformed parameters")]
    [InlineData("90, 120", "Session-Expires has malformed parameters")]
    [InlineData("90.5", "Session-Expires has malformed parameters")]
    [InlineData("90;=uac", "Session-Expires has malformed parameters")]
    public void Malformed_values_are_refused_with_a_reason_that_does_not_quote_them(string value, string reason)
    {
        Assert.False(SessionExpires.TryParse(value, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void A_missing_value_is_refused()
    {
        Assert.False(SessionExpires.TryParse(null, out _, out var error));
        Assert.Equal("Session-Expires is empty", error);
    }

    [Theory]
    [InlineData(1800, null, "1800")]
    [InlineData(90, SessionRefresher.Uac, "90;refresher=uac")]
    [InlineData(120, SessionRefresher.Uas, "120;refresher=uas")]
    public void Values_are_written_as_the_header_field_value(int seconds, SessionRefresher? refresher, string expected)
    {
        var value = new SessionExpires(seconds, refresher);

        Assert.Equal(expected, value.ToString());
        Assert.True(SessionExpires.TryParse(value.ToString(), out var back, out _));
        Assert.Equal(value, back);
    }

    [Theory]
    [InlineData("90", 90)]
    [InlineData(" 120 ", 120)]
    [InlineData("600;x-reason=policy", 600)]
    public void Min_SE_values_parse(string value, int seconds)
    {
        Assert.True(MinSE.TryParse(value, out var parsed, out var error), error);
        Assert.Equal(seconds, parsed.Seconds);
        Assert.Equal(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), parsed.ToString());
    }

    [Theory]
    [InlineData(null, "Min-SE must be delta-seconds")]
    [InlineData("", "Min-SE must be delta-seconds")]
    [InlineData("ninety", "Min-SE must be delta-seconds")]
    [InlineData("90s", "Min-SE has malformed parameters")]
    [InlineData("90;", "Min-SE has malformed parameters")]
    public void Malformed_Min_SE_values_are_refused(string? value, string reason)
    {
        Assert.False(MinSE.TryParse(value, out _, out var error));
        Assert.Equal(reason, error);
    }
}
