using CallCenter.Sip.Message;

namespace CallCenter.Sip.Tests.Message;

/// <summary>URI comparison, RFC 3261 §19.1.4, with the example pairs the section lists.</summary>
public class SipUriEquivalenceTests
{
    private static void AssertEquivalent(string a, string b, bool expected)
    {
        var left = SipUri.Parse(a);
        var right = SipUri.Parse(b);

        Assert.True(expected == left.IsEquivalentTo(right), $"{a} vs {b}: expected {(expected ? "equivalent" : "different")}");
        Assert.True(expected == right.IsEquivalentTo(left), $"{b} vs {a}: comparison must be symmetric");
    }

    [Theory]
    [InlineData("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;security=on")]
    [InlineData("sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on")]
    [InlineData("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com", "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com")]
    [InlineData("sip:alice@atlanta.com?subject=project%20x&priority=urgent", "sip:alice@atlanta.com?priority=urgent&subject=project%20x")]
    public void Section_19_1_4_equivalent_URIs(string a, string b) => AssertEquivalent(a, b, true);

    [Theory]
    [InlineData("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting")]
    [InlineData("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4")]
    public void Section_19_1_4_non_equivalent_URIs(string a, string b) => AssertEquivalent(a, b, false);

    [Fact]
    public void Section_19_1_4_equality_is_not_transitive()
    {
        AssertEquivalent("sip:carol@chicago.com", "sip:carol@chicago.com;security=on", true);
        AssertEquivalent("sip:carol@chicago.com", "sip:carol@chicago.com;security=off", true);
        AssertEquivalent("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;security=off", false);
    }

    [Theory]
    [InlineData("sip:alice@atlanta.com", "sips:alice@atlanta.com", false)]
    [InlineData("sip:alice@atlanta.com", "sip:atlanta.com", false)]
    [InlineData("sip:alice:pw@atlanta.com", "sip:alice@atlanta.com", false)]
    [InlineData("sip:alice:pw@atlanta.com", "sip:alice:PW@atlanta.com", false)]
    [InlineData("sip:alice@atlanta.com;user=phone", "sip:alice@atlanta.com", false)]
    [InlineData("sip:alice@atlanta.com;ttl=1", "sip:alice@atlanta.com", false)]
    [InlineData("sip:alice@atlanta.com;method=INVITE", "sip:alice@atlanta.com", false)]
    [InlineData("sip:alice@atlanta.com;maddr=239.0.0.1", "sip:alice@atlanta.com", false)]
    [InlineData("sip:alice@atlanta.com;m%61ddr=239.0.0.1", "sip:alice@atlanta.com;maddr=239.0.0.1", true)]
    [InlineData("sip:alice@atlanta.com;lr", "sip:alice@atlanta.com;LR", true)]
    [InlineData("sip:a%3Ab@atlanta.com", "sip:a:b@atlanta.com", false)]
    [InlineData("sip:a%3ab@atlanta.com", "sip:a%3Ab@atlanta.com", true)]
    [InlineData("sip:a%C3%A9@atlanta.com", "sip:a%c3%a9@atlanta.com", true)]
    [InlineData("sip:alice@atlanta.com?Subject=x", "sip:alice@atlanta.com?subject=x", true)]
    [InlineData("sip:alice@atlanta.com?subject=x", "sip:alice@atlanta.com?subject=X", false)]
    [InlineData("sip:alice@atlanta.com?a=1&a=1", "sip:alice@atlanta.com?a=1", false)]
    [InlineData("tel:+15551230001", "TEL:+15551230001", true)]
    [InlineData("tel:+15551230001", "sip:+15551230001@example.com", false)]
    public void Other_rules_of_section_19_1_4(string a, string b, bool equivalent) => AssertEquivalent(a, b, equivalent);
}
