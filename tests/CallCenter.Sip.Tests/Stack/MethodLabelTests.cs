using CallCenter.Sip.Stack;

namespace CallCenter.Sip.Tests.Stack;

/// <summary>Metric labels for methods stay a bounded set.</summary>
public sealed class MethodLabelTests
{
    [Theory]
    [InlineData("INVITE")]
    [InlineData("REGISTER")]
    [InlineData("PUBLISH")]
    [InlineData("PRACK")]
    public void Standard_methods_keep_their_name(string method) => Assert.Equal(method, MethodLabel.For(method));

    [Theory]
    [InlineData("invite")]
    [InlineData("X-SCAN")]
    [InlineData("")]
    public void Anything_else_is_other(string method) => Assert.Equal("other", MethodLabel.For(method));
}
