using CallCenter.Config.Schema;
using FsCheck.Xunit;

namespace CallCenter.Config.Tests;

public class DurationTextTests
{
    [Theory]
    [InlineData("0s", 0)]
    [InlineData("45s", 45)]
    [InlineData("10m", 600)]
    [InlineData("1h", 3600)]
    [InlineData("1h30m", 5400)]
    [InlineData("2m5s", 125)]
    [InlineData("90s", 90)]
    public void Durations_are_read(string text, int seconds)
    {
        Assert.True(DurationText.TryParse(text, out TimeSpan duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("s")]
    [InlineData("1m1h")]
    [InlineData("1.5m")]
    [InlineData("-5s")]
    [InlineData("5 s")]
    [InlineData("5S")]
    [InlineData("1d")]
    [InlineData("999999999h999999999m999999999s")]
    public void Anything_else_is_refused(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(45, "45s")]
    [InlineData(90, "1m30s")]
    [InlineData(3600, "1h")]
    [InlineData(3725, "1h2m5s")]
    public void Durations_are_written_in_the_shortest_form(int seconds, string text)
    {
        Assert.Equal(text, DurationText.Format(TimeSpan.FromSeconds(seconds)));
    }

    [Property(MaxTest = 500)]
    public bool Any_text_is_read_or_refused_without_throwing(string? text) =>
        !DurationText.TryParse(text ?? string.Empty, out TimeSpan duration) || duration >= TimeSpan.Zero;

    [Property(MaxTest = 200)]
    public bool Formatting_then_reading_gives_the_same_duration(ushort seconds) =>
        DurationText.TryParse(DurationText.Format(TimeSpan.FromSeconds(seconds)), out TimeSpan back) && back == TimeSpan.FromSeconds(seconds);

    [Theory]
    [InlineData("500ms", 5_000_000)]
    [InlineData("1.5s", 15_000_000)]
    [InlineData("0.5m", 300_000_000)]
    [InlineData("7", 70_000_000)]
    [InlineData("0", 0)]
    [InlineData("0.00001ms", 1)]
    public void Single_amounts_are_read(string text, long ticks)
    {
        Assert.True(DurationText.TryParseAmount(text, out TimeSpan duration));
        Assert.Equal(TimeSpan.FromTicks(ticks), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1h")]
    [InlineData("1m30s")]
    [InlineData(".5s")]
    [InlineData("-1s")]
    [InlineData("5 s")]
    [InlineData("9999999999s")]
    public void Anything_else_is_not_a_single_amount(string text)
    {
        Assert.False(DurationText.TryParseAmount(text, out _));
    }

    [Property(MaxTest = 500)]
    public bool Any_text_is_read_as_an_amount_or_refused_without_throwing(string? text) =>
        !DurationText.TryParseAmount(text ?? string.Empty, out TimeSpan duration) || duration >= TimeSpan.Zero;
}
