using CallCenter.Sip.Message;

namespace CallCenter.Sip.Tests.Message;

/// <summary>name-addr / addr-spec values of From, To, Contact, Route… (RFC 3261 §20.10, §25.1).</summary>
public class NameAddressTests
{
    private static NameAddress Parse(string text)
    {
        Assert.True(NameAddress.TryParse(text, out var value, out var error), error);
        return value;
    }

    [Fact]
    public void A_quoted_display_name_angle_URI_and_header_parameters()
    {
        var value = Parse("\"A. G. Bell\" <sip:agb@bell-telephone.com> ;tag=a48s");

        Assert.Equal("A. G. Bell", value.DisplayName);
        Assert.Equal("sip:agb@bell-telephone.com", value.Uri.ToString());
        Assert.Equal("a48s", value.Tag);
    }

    [Fact]
    public void A_token_display_name_without_quotes()
    {
        var value = Parse("Anonymous Caller <sip:c8oqz84zk7z@privacy.org>;tag=hyh8");

        Assert.Equal("Anonymous Caller", value.DisplayName);
        Assert.Equal("hyh8", value.Tag);
    }

    [Fact]
    public void Quoted_pairs_in_the_display_name_are_undone()
    {
        Assert.Equal("J \"R\" \\ x", Parse("\"J \\\"R\\\" \\\\ x\" <sip:a@b.example>").DisplayName);
    }

    [Fact]
    public void Section_20_10_parameters_after_a_bare_URI_belong_to_the_header()
    {
        var bare = Parse("sip:+12125551212@server.phone2net.com;tag=887s;user=phone");
        var bracketed = Parse("<sip:+12125551212@server.phone2net.com;user=phone>;tag=887s");

        Assert.Equal(0, bare.Uri.Parameters.Count);
        Assert.Equal("phone", bare.Parameters.Get("user"));
        Assert.Equal("phone", bracketed.Uri.Parameters.Get("user"));
        Assert.Equal("887s", bracketed.Tag);
        Assert.False(bracketed.Parameters.Contains("user"));
    }

    [Fact]
    public void Header_parameters_may_have_quoted_values_and_white_space()
    {
        var value = Parse("<sip:a@b.example> ; +sip.instance = \"<urn:uuid:f81d4fae>\" ; expires=60 ; q=0.5");

        Assert.Equal("\"<urn:uuid:f81d4fae>\"", value.Parameters.Get("+sip.instance"));
        Assert.Equal("60", value.Parameters.Get("expires"));
        Assert.Equal("0.5", value.Parameters.Get("q"));
    }

    [Fact]
    public void URIs_of_any_scheme_may_be_enclosed()
    {
        Assert.Equal("urn", Parse("<urn:service:sos>").Uri.Scheme);
        Assert.Equal("tel", Parse("\"Bob\" <tel:+15551230001>").Uri.Scheme);
    }

    [Theory]
    [InlineData("", "empty address")]
    [InlineData("   ", "empty address")]
    [InlineData("\"unterminated <sip:a@b.example>", "unterminated quoted display name")]
    [InlineData("\"Bob\" sip:a@b.example", "must be followed by <URI>")]
    [InlineData("<sip:a@b.example", "missing '>'")]
    [InlineData("sip:a@b.example?Route=x", "must be enclosed in <>")]
    [InlineData("sip:a@b.example,c", "must be enclosed in <>")]
    [InlineData("Bell, Alexander <sip:a@b.example>", "display name has characters that must be quoted")]
    [InlineData("< sip:a@b.example >", "missing or invalid URI scheme")]
    [InlineData("<sip:a@b.example>;=x", "empty parameter name")]
    [InlineData("<sip:a@b.example> junk", "unexpected 'j'")]
    public void Malformed_addresses_are_refused_with_a_reason(string text, string reason)
    {
        Assert.False(NameAddress.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => NameAddress.Parse(text));
    }

    [Fact]
    public void Printing_quotes_the_display_name_and_always_uses_angle_brackets()
    {
        var value = new NameAddress(SipUri.Parse("sip:a@b.example;lr"), "Support \"Tier 2\"") { Tag = "x1" };

        var text = value.ToString();
        var again = Parse(text);

        Assert.Equal("\"Support \\\"Tier 2\\\"\" <sip:a@b.example;lr>;tag=x1", text);
        Assert.Equal(value.DisplayName, again.DisplayName);
        Assert.Equal("x1", again.Tag);
        Assert.True(again.Uri.Parameters.Contains("lr"));
    }

    [Fact]
    public void The_tag_can_be_set_replaced_and_removed()
    {
        var value = Parse("<sip:a@b.example>;tag=1;x=y");

        value.Tag = "2";
        Assert.Equal("<sip:a@b.example>;tag=2;x=y", value.ToString());
        value.Tag = null;
        Assert.Equal("<sip:a@b.example>;x=y", value.ToString());
    }
}
