using CallCenter.Sip.Message;

namespace CallCenter.Sip.Tests.Message;

/// <summary>Splitting list header values at top-level commas (RFC 3261 §7.3.1).</summary>
public class HeaderValueSplitterTests
{
    private static List<string> Split(string value)
    {
        var elements = new List<string>();
        HeaderValueSplitter.SplitInto(value, elements);
        return elements;
    }

    [Theory]
    [InlineData("INVITE, ACK,BYE", new[] { "INVITE", "ACK", "BYE" })]
    [InlineData("\"Doe, John\" <sip:j@x.example>, <sip:k@y.example>", new[] { "\"Doe, John\" <sip:j@x.example>", "<sip:k@y.example>" })]
    [InlineData("\"a \\\" , b\" <sip:x@y.example>, c", new[] { "\"a \\\" , b\" <sip:x@y.example>", "c" })]
    [InlineData("<sip:a@b.example;x=1,2>, <sip:c@d.example>", new[] { "<sip:a@b.example;x=1,2>", "<sip:c@d.example>" })]
    [InlineData("a,,b,", new[] { "a", "", "b", "" })]
    [InlineData("", new[] { "" })]
    [InlineData("\"open, never closed", new[] { "\"open, never closed" })]
    [InlineData("SIP/2.0/UDP a;branch=1 , SIP/2.0/UDP b", new[] { "SIP/2.0/UDP a;branch=1", "SIP/2.0/UDP b" })]
    public void Commas_inside_quotes_or_angle_brackets_do_not_split(string value, string[] expected) =>
        Assert.Equal(expected, Split(value));

    [Fact]
    public void Elements_are_appended_to_the_list_given()
    {
        var elements = new List<string> { "first" };

        HeaderValueSplitter.SplitInto("second, third", elements);

        Assert.Equal(["first", "second", "third"], elements);
    }
}
