using CallCenter.Sip.Message;
using CallCenter.Sip.Registrar;

namespace CallCenter.Sip.Tests.Registrar;

/// <summary>The identity of a registered contact (the §19.1.4 parts that matter for refresh and removal).</summary>
public sealed class ContactUpdateTests
{
    [Theory]
    [InlineData("sip:1001@192.0.2.50:5062", "sip:1001@192.0.2.50:5062")]
    [InlineData("sip:1001@Phone.Example.COM", "sip:1001@phone.example.com")]
    [InlineData("sip:%31001@192.0.2.50", "sip:1001@192.0.2.50")]
    [InlineData("sip:1001@192.0.2.50;transport=UDP", "sip:1001@192.0.2.50;transport=udp")]
    [InlineData("sip:1001@192.0.2.50;ob;line=abc", "sip:1001@192.0.2.50")]
    public void Equivalent_contacts_share_a_key(string a, string b) =>
        Assert.Equal(ContactUpdate.KeyOf(SipUri.Parse(a)), ContactUpdate.KeyOf(SipUri.Parse(b)));

    [Theory]
    [InlineData("sip:1001@192.0.2.50", "sip:1001@192.0.2.50:5060")]
    [InlineData("sip:1001@192.0.2.50", "sips:1001@192.0.2.50")]
    [InlineData("sip:1001@192.0.2.50", "sip:1002@192.0.2.50")]
    [InlineData("sip:Agent@192.0.2.50", "sip:agent@192.0.2.50")]
    [InlineData("sip:1001@192.0.2.50", "sip:1001@192.0.2.50;transport=tcp")]
    [InlineData("sip:1001@192.0.2.50", "sip:192.0.2.50")]
    public void Different_contacts_have_different_keys(string a, string b) =>
        Assert.NotEqual(ContactUpdate.KeyOf(SipUri.Parse(a)), ContactUpdate.KeyOf(SipUri.Parse(b)));
}
