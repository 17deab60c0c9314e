using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Message.Support;

namespace CallCenter.Sip.Tests.Message;

/// <summary>Header storage: compact forms, repeated and comma-listed values, folding, and edits.</summary>
public class SipHeadersTests
{
    [Theory]
    [InlineData("v", KnownHeader.Via)]
    [InlineData("f", KnownHeader.From)]
    [InlineData("t", KnownHeader.To)]
    [InlineData("i", KnownHeader.CallId)]
    [InlineData("m", KnownHeader.Contact)]
    [InlineData("l", KnownHeader.ContentLength)]
    [InlineData("c", KnownHeader.ContentType)]
    [InlineData("k", KnownHeader.Supported)]
    [InlineData("s", KnownHeader.Subject)]
    [InlineData("e", KnownHeader.ContentEncoding)]
    [InlineData("o", KnownHeader.Event)]
    [InlineData("u", KnownHeader.AllowEvents)]
    [InlineData("r", KnownHeader.ReferTo)]
    [InlineData("b", KnownHeader.ReferredBy)]
    [InlineData("x", KnownHeader.SessionExpires)]
    [InlineData("V", KnownHeader.Via)]
    [InlineData("I", KnownHeader.CallId)]
    public void Section_7_3_3_compact_forms_name_the_same_headers(string compact, KnownHeader header)
    {
        Assert.Equal(header, HeaderNames.Lookup(compact));
        Assert.Equal(header, HeaderNames.Lookup(System.Text.Encoding.ASCII.GetBytes(compact)));
    }

    [Theory]
    [InlineData("z")]
    [InlineData("X-Custom")]
    [InlineData("Viaa")]
    [InlineData("Vía")]
    public void Unknown_names_stay_unknown(string name) => Assert.Equal(KnownHeader.Unknown, HeaderNames.Lookup(name));

    [Fact]
    public void Long_names_match_in_any_case_and_read_back_canonical()
    {
        var request = WireText.Request("cONTENT-tYPE: application/sdp\nx-odd-Header: 1\n");

        Assert.Equal("application/sdp", request.ContentType);
        Assert.Equal("Content-Type", request.Headers.NameAt(request.Headers.IndexOf(KnownHeader.ContentType)));
        Assert.Equal("x-odd-Header", request.Headers.NameAt(request.Headers.IndexOf("X-ODD-HEADER")));
        Assert.Equal("1", request.Headers["x-odd-header"]);
    }

    [Fact]
    public void Section_7_3_1_repeated_lines_and_comma_lists_are_one_list_in_order()
    {
        var request = WireText.Request("Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>\nRoute: <sip:p3.example.com;lr>\n");

        Assert.Equal(2, request.Headers.CountOf(KnownHeader.Route));
        Assert.Equal(2, request.Headers.ValuesOf(KnownHeader.Route).Count());
        Assert.Equal(
            ["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>", "<sip:p3.example.com;lr>"],
            request.Headers.ElementsOf(KnownHeader.Route));
    }

    [Fact]
    public void Vias_from_long_and_compact_lines_and_lists_keep_their_order()
    {
        var result = WireText.Parse(
            "OPTIONS sip:b@example.com SIP/2.0\nVia: SIP/2.0/UDP a.example.com;branch=z9hG4bK1, SIP/2.0/TCP b.example.com\n" +
            "v: SIP/2.0/TLS c.example.com\nFrom: <sip:a@example.com>;tag=1\nTo: <sip:b@example.com>\nCall-ID: x\nCSeq: 1 OPTIONS\n\n");

        Assert.Equal(["a.example.com", "b.example.com", "c.example.com"], result.Message!.Vias.Select(v => v.Host));
        Assert.Equal("a.example.com", result.Message.TopVia!.Host);
    }

    [Fact]
    public void Contact_star_is_the_wildcard()
    {
        var request = WireText.Request("Contact: *\nExpires: 0\n", "REGISTER");

        Assert.True(request.TryGetContacts(out var contacts, out var wildcard, out _));
        Assert.True(wildcard);
        Assert.Empty(contacts);
    }

    [Fact]
    public void Section_7_3_1_a_folded_value_reads_as_one_line_with_single_spaces()
    {
        var request = WireText.Request("Subject: first   \n   second\n\tthird\nTo2:\n  starts on the next line\n");

        Assert.Equal("first second third", request.Headers[KnownHeader.Subject]);
        Assert.Equal("starts on the next line", request.Headers["To2"]);
    }

    [Fact]
    public void Section_7_3_1_a_folded_list_splits_like_an_unfolded_one()
    {
        var request = WireText.Request("Supported: timer,\n replaces,\n\t100rel\n");

        Assert.Equal(["timer", "replaces", "100rel"], request.Headers.ElementsOf(KnownHeader.Supported));
    }

    [Fact]
    public void Edits_are_seen_by_the_typed_views()
    {
        var request = WireText.Request();
        Assert.Equal("1", request.From!.Tag);

        request.Headers.Set(KnownHeader.From, "<sip:c@example.com>;tag=9");
        request.Headers.Insert(0, KnownHeader.Via, "SIP/2.0/TCP top.example.com;branch=z9hG4bK-top");
        request.Headers.SetValueAt(request.Headers.IndexOf(KnownHeader.CSeq), "2 OPTIONS");

        Assert.Equal("9", request.From!.Tag);
        Assert.Equal("top.example.com", request.TopVia!.Host);
        Assert.Equal(2, request.Vias.Count);
        Assert.Equal(2, request.CSeq!.Number);
        Assert.Equal(2, request.Headers.RemoveAll(KnownHeader.Via));
        Assert.Null(request.TopVia);
    }

    [Fact]
    public void Adding_by_name_recognises_known_names_in_any_form()
    {
        var headers = new SipHeaders();

        headers.Add("i", "abc@host");
        headers.Add("X-Custom", "1");

        Assert.Equal(KnownHeader.CallId, headers.IdAt(0));
        Assert.Equal("Call-ID", headers.NameAt(0));
        Assert.Equal("X-Custom", headers.NameAt(1));
        Assert.Throws<ArgumentException>(() => headers.Insert(0, KnownHeader.Unknown, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => headers.ValueAt(2));
    }
}
