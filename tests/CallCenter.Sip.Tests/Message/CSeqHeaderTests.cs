using CallCenter.Sip.Message;

namespace CallCenter.Sip.Tests.Message;

/// <summary>CSeq (RFC 3261 §20.16, §8.1.1.5).</summary>
public class CSeqHeaderTests
{
    [Theory]
    [InlineData("4711 INVITE", 4711L, "INVITE")]
    [InlineData("0009 INVITE", 9L, "INVITE")]
    [InlineData("  1 \t  ACK  ", 1L, "ACK")]
    [InlineData("0 NEWMETHOD", 0L, "NEWMETHOD")]
    [InlineData("2147483647 BYE", 2147483647L, "BYE")]
    public void Number_and_method_are_read(string text, long number, string method)
    {
        Assert.True(CSeqHeader.TryParse(text, out var cseq, out var error), error);

        Assert.Equal(number, cseq.Number);
        Assert.Equal(method, cseq.Method);
    }

    [Fact]
    public void Known_methods_are_shared_instances()
    {
        Assert.True(CSeqHeader.TryParse("1 INVITE", out var cseq, out _));

        Assert.Same(SipMethods.Invite, cseq.Method);
    }

    [Theory]
    [InlineData("", "must start with a number")]
    [InlineData("INVITE", "must start with a number")]
    [InlineData("-1 INVITE", "must start with a number")]
    [InlineData("2147483648 INVITE", "larger than 2^31-1")]
    [InlineData("36893488147419103232 REGISTER", "larger than 2^31-1")]
    [InlineData("1", "'<number> <method>'")]
    [InlineData("1INVITE", "'<number> <method>'")]
    [InlineData("1 INV ITE", "'<number> <method>'")]
    [InlineData("1 INV<ITE", "'<number> <method>'")]
    public void Malformed_values_are_refused(string text, string reason)
    {
        Assert.False(CSeqHeader.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Printing_and_value_equality()
    {
        Assert.Equal("12 OPTIONS", new CSeqHeader(12, "OPTIONS").ToString());
        Assert.Equal(new CSeqHeader(12, "OPTIONS"), new CSeqHeader(12, "OPTIONS"));
        Assert.NotEqual(new CSeqHeader(12, "OPTIONS"), new CSeqHeader(12, "options"));
    }
}
