using CallCenter.Media.Sdp;
using CallCenter.Media.Tests.Sdp.Vectors;

namespace CallCenter.Media.Tests.Sdp;

/// <summary>Invalid descriptions are refused with the line number and what is wrong.</summary>
public class SdpParserErrorTests
{
    [Theory]
    [MemberData(nameof(InvalidSdps.Names), MemberType = typeof(InvalidSdps))]
    public void Invalid_description_is_refused_naming_the_line_and_the_problem(string name)
    {
        var vector = InvalidSdps.All[name];

        var result = SessionDescription.Parse(vector.Text);

        Assert.False(result.Success);
        Assert.Null(result.Description);
        Assert.Equal(vector.Line, result.Error!.LineNumber);
        Assert.Contains(vector.Expected, result.Error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"line {vector.Line}: ", result.Error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidSdps.Names), MemberType = typeof(InvalidSdps))]
    public void Invalid_description_is_refused_from_bytes_too(string name)
    {
        var vector = InvalidSdps.All[name];

        var result = SessionDescription.Parse(System.Text.Encoding.UTF8.GetBytes(vector.Text));

        Assert.Equal(vector.Line, result.Error!.LineNumber);
    }

    [Fact]
    public void Control_characters_are_shown_escaped_in_messages()
    {
        var result = SessionDescription.Parse("v=0\r\n\u0001bc\r\n");

        Assert.Equal("expected '<type>=<value>' but found '\\x01bc'", result.Error!.Message);
    }

    [Fact]
    public void Long_lines_are_cut_in_messages()
    {
        var result = SessionDescription.Parse("v=0\r\n" + new string('q', 500) + "\r\n");

        Assert.True(result.Error!.Message.Length < 100);
        Assert.EndsWith("…'", result.Error.Message, StringComparison.Ordinal);
    }
}
