using CallCenter.Config.Yaml;
using CallCenter.Ivr.Loading;

namespace CallCenter.Ivr.Tests.Loading;

public class DurationTests
{
    [Theory]
    [InlineData("500ms", ScalarType.Text, 500)]
    [InlineData("5s", ScalarType.Text, 5_000)]
    [InlineData("1.5s", ScalarType.Text, 1_500)]
    [InlineData("2m", ScalarType.Text, 120_000)]
    [InlineData("0.5m", ScalarType.Text, 30_000)]
    [InlineData("10m", ScalarType.Text, 600_000)]
    [InlineData("5", ScalarType.Integer, 5_000)]
    [InlineData("2.5", ScalarType.Float, 2_500)]
    [InlineData("7", ScalarType.Text, 7_000)]
    [InlineData("1ms", ScalarType.Text, 1)]
    public void Accepted_forms(string text, ScalarType type, int milliseconds)
    {
        Assert.True(TimeoutText.TryParse(new ScalarNode(TextPosition.StartOfFile, text, type), out TimeSpan duration, out string reason), reason);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("5 s", "must be a duration such as 500ms, 5s or 2m, or a number of seconds (found \"5 s\")")]
    [InlineData("5sec", "must be a duration such as 500ms, 5s or 2m, or a number of seconds (found \"5sec\")")]
    [InlineData("1h", "must be a duration such as 500ms, 5s or 2m, or a number of seconds (found \"1h\")")]
    [InlineData("-1s", "must be a duration such as 500ms, 5s or 2m, or a number of seconds (found \"-1s\")")]
    [InlineData(".5s", "must be a duration such as 500ms, 5s or 2m, or a number of seconds (found \".5s\")")]
    [InlineData("0", "must be longer than 0 and at most 10m (found \"0\")")]
    [InlineData("0ms", "must be longer than 0 and at most 10m (found \"0ms\")")]
    [InlineData("601s", "must be longer than 0 and at most 10m (found \"601s\")")]
    [InlineData("10.01m", "must be longer than 0 and at most 10m (found \"10.01m\")")]
    [InlineData("999999999999m", "must be a duration such as 500ms, 5s or 2m, or a number of seconds (found \"999999999999m\")")]
    public void Refused_forms_say_why(string text, string reason)
    {
        Assert.False(TimeoutText.TryParse(new ScalarNode(TextPosition.StartOfFile, text, ScalarType.Text), out _, out string actual));
        Assert.Equal(reason, actual);
    }

    [Fact]
    public void A_boolean_is_not_a_duration()
    {
        Assert.False(TimeoutText.TryParse(new ScalarNode(TextPosition.StartOfFile, "true", ScalarType.Boolean), out _, out string reason));
        Assert.Equal("must be a duration such as 500ms, 5s or 2m, or a number of seconds (found true)", reason);
    }
}
