using CallCenter.Config.Yaml;

namespace CallCenter.Config.Tests;

/// <summary>YAML 1.2.2 §10.3.2 core-schema resolution of plain scalars.</summary>
public class CoreSchemaTests
{
    [Theory]
    [InlineData("", "Null")]
    [InlineData("~", "Null")]
    [InlineData("null", "Null")]
    [InlineData("NULL", "Null")]
    [InlineData("true", "Boolean")]
    [InlineData("False", "Boolean")]
    [InlineData("yes", "Text")]
    [InlineData("on", "Text")]
    [InlineData("1001", "Integer")]
    [InlineData("-12", "Integer")]
    [InlineData("+7", "Integer")]
    [InlineData("0o17", "Integer")]
    [InlineData("0x1F", "Integer")]
    [InlineData("7.5", "Float")]
    [InlineData("1e3", "Float")]
    [InlineData(".inf", "Float")]
    [InlineData(".NaN", "Float")]
    [InlineData("1_000", "Text")]
    [InlineData("12\n", "Text")]
    [InlineData("main", "Text")]
    [InlineData("nothing", "Text")]
    public void Plain_scalars_resolve_by_the_core_schema(string text, string expected)
    {
        Assert.Equal(Enum.Parse<ScalarType>(expected), CoreSchema.ResolvePlain(text));
    }

    [Theory]
    [InlineData("10", 10L)]
    [InlineData("-3", -3L)]
    [InlineData("0o17", 15L)]
    [InlineData("0x1f", 31L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("0x7FFFFFFFFFFFFFFF", long.MaxValue)]
    [InlineData("0o777777777777777777777", long.MaxValue)]
    public void Integers_parse_in_every_core_schema_base(string text, long expected)
    {
        Assert.True(CoreSchema.TryParseInteger(text, out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("0x8000000000000000")]
    [InlineData("0o1000000000000000000000")]
    [InlineData("7.0")]
    [InlineData("seven")]
    public void Non_integers_and_overflow_do_not_parse(string text)
    {
        Assert.False(CoreSchema.TryParseInteger(text, out _));
    }
}
