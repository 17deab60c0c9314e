using CallCenter.Sip.Message;

namespace CallCenter.Sip.Tests.Message;

/// <summary>Parsing and printing of sip:, sips:, tel: and other URIs (RFC 3261 §19.1, §25.1; RFC 3966).</summary>
public class SipUriTests
{
    private static SipUri Parse(string text)
    {
        Assert.True(SipUri.TryParse(text, out var uri, out var error), error);
        return uri;
    }

    [Fact]
    public void A_full_sip_URI_is_split_into_its_components()
    {
        var uri = Parse("sip:alice:secretword@atlanta.com:5061;transport=TCP;lr?subject=project%20x&priority=urgent");

        Assert.Equal("sip", uri.Scheme);
        Assert.True(uri.IsSip);
        Assert.Equal("alice", uri.User);
        Assert.Equal("secretword", uri.Password);
        Assert.Equal("atlanta.com", uri.Host);
        Assert.Equal(5061, uri.Port);
        Assert.Equal("tcp", uri.Transport);
        Assert.True(uri.Parameters.Contains("lr"));
        Assert.Null(uri.Parameters.Get("lr"));
        Assert.Equal("subject=project%20x&priority=urgent", uri.Headers);
    }

    [Fact]
    public void A_sips_URI_without_user_and_the_scheme_in_capitals()
    {
        var uri = Parse("SIPS:Registrar.Example.com");

        Assert.Equal("sips", uri.Scheme);
        Assert.True(uri.IsSip);
        Assert.Null(uri.User);
        Assert.Equal("Registrar.Example.com", uri.Host);
        Assert.Null(uri.Port);
    }

    [Theory]
    [InlineData("sip:[2001:db8::1]", "[2001:db8::1]", null)]
    [InlineData("sip:user@[2001:db8::1]:5070;transport=tcp", "[2001:db8::1]", 5070)]
    [InlineData("sips:[::ffff:192.0.2.1]:5061", "[::ffff:192.0.2.1]", 5061)]
    [InlineData("sip:192.0.2.1:5060", "192.0.2.1", 5060)]
    public void IPv6_references_and_IPv4_addresses_are_hosts(string text, string host, int? port)
    {
        var uri = Parse(text);

        Assert.Equal(host, uri.Host);
        Assert.Equal(port, uri.Port);
    }

    [Theory]
    [InlineData("tel:+1-201-555-0123", "+1-201-555-0123", 0)]
    [InlineData("tel:7042;phone-context=example.com", "7042", 1)]
    [InlineData("TEL:*21#;isub=1411", "*21#", 1)]
    public void Tel_URIs_keep_the_number_as_user(string text, string number, int parameterCount)
    {
        var uri = Parse(text);

        Assert.Equal("tel", uri.Scheme);
        Assert.False(uri.IsSip);
        Assert.Equal(number, uri.User);
        Assert.Equal(parameterCount, uri.Parameters.Count);
        Assert.Equal(text.Replace("TEL:", "tel:", StringComparison.Ordinal), uri.ToString());
    }

    [Fact]
    public void Other_schemes_are_kept_opaque()
    {
        var uri = Parse("urn:service:sos");

        Assert.Equal("urn", uri.Scheme);
        Assert.Equal("service:sos", uri.Opaque);
        Assert.Equal("urn:service:sos", uri.ToString());
    }

    [Theory]
    [InlineData("sip:%61lice@atlanta.com", "%61lice", "alice")]
    [InlineData("sip:sips%3Auser%40example.com@example.net", "sips%3Auser%40example.com", "sips:user@example.com")]
    [InlineData("sip:caf%C3%A9@example.com", "caf%C3%A9", "café")]
    [InlineData("sip:100%25@example.com", "100%25", "100%")]
    public void Escapes_stay_in_User_and_are_decoded_in_UnescapedUser(string text, string user, string unescaped)
    {
        var uri = Parse(text);

        Assert.Equal(user, uri.User);
        Assert.Equal(unescaped, uri.UnescapedUser);
    }

    [Fact]
    public void Unescape_keeps_text_that_is_not_an_escape()
    {
        Assert.Equal("a%zz%4", SipUri.Unescape("a%zz%4"));
        Assert.Equal("\U0001F600 ok", SipUri.Unescape("\U0001F600%20ok"));
    }

    [Theory]
    [InlineData("", "missing or invalid URI scheme")]
    [InlineData("alice@atlanta.com", "missing or invalid URI scheme")]
    [InlineData(":alice@atlanta.com", "missing or invalid URI scheme")]
    [InlineData("1sip:alice@atlanta.com", "missing or invalid URI scheme")]
    [InlineData("sip:alice@atlanta.com; lr", "white space")]
    [InlineData("sip:<alice@atlanta.com>", "forbidden character")]
    [InlineData("sip:@atlanta.com", "empty user part")]
    [InlineData("sip:a%4@atlanta.com", "bad %-escape in the user part")]
    [InlineData("sip:a%zz@atlanta.com", "bad %-escape in the user part")]
    [InlineData("sip:alice@", "missing host")]
    [InlineData("sip:", "missing host")]
    [InlineData("sip:alice@atlanta.com:", "invalid port")]
    [InlineData("sip:alice@atlanta.com:65536", "invalid port")]
    [InlineData("sip:alice@atlanta.com:123456", "invalid port")]
    [InlineData("sip:[2001:db8::zz]", "invalid IPv6 reference")]
    [InlineData("sip:[2001:db8::1", "invalid IPv6 reference")]
    [InlineData("sip:[192.0.2.1]", "invalid IPv6 reference")]
    [InlineData("sip:alice@atlanta.com;", "empty parameter name")]
    [InlineData("sip:alice@atlanta.com;transport=", "has '=' but no value")]
    [InlineData("sip:alice@atlanta.com/path", "unexpected '/'")]
    [InlineData("sip:alice@atlanta.com?a=%g1", "bad %-escape in the URI headers")]
    [InlineData("tel:", "invalid telephone number")]
    [InlineData("tel:12x", "invalid telephone number")]
    public void Malformed_URIs_are_refused_with_a_reason(string text, string reason)
    {
        Assert.False(SipUri.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => SipUri.Parse(text));
    }

    [Theory]
    [InlineData("sip:alice@atlanta.com")]
    [InlineData("sip:alice:pw@atlanta.com:5060;transport=udp;lr")]
    [InlineData("sips:[2001:db8::1]:5061;maddr=239.255.255.1;ttl=15")]
    [InlineData("sip:biloxi.com;method=REGISTER?to=sip:bob%40biloxi.com")]
    [InlineData("sip:user;par=u%40example.net@example.com")]
    [InlineData("tel:+15551230001;ext=22")]
    public void Printing_gives_back_the_parsed_text(string text) =>
        Assert.Equal(text, Parse(text).ToString());

    [Fact]
    public void A_URI_built_in_code_prints_scheme_user_host_port_and_parameters()
    {
        var uri = new SipUri("SIP", "agent-7", "cc.example.com", 5080);
        uri.Parameters.Set("transport", "tcp");

        Assert.Equal("sip:agent-7@cc.example.com:5080;transport=tcp", uri.ToString());
        Assert.Equal("sip:cc.example.com", new SipUri("sip", null, "cc.example.com").ToString());
    }
}
