using System.Text;
using CallCenter.Sip.Core;
using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Message.Support;

namespace CallCenter.Sip.Tests.Message;

/// <summary>RFC 4475 §3.1.1: the valid messages parse to the values the RFC describes.</summary>
public class Rfc4475ValidMessageTests
{
    private static SipRequest Request(string file) => ParsedOk<SipRequest>(file);

    private static T ParsedOk<T>(string file)
        where T : SipMessage
    {
        var result = SipParser.Parse(TortureCorpus.Load(file));
        Assert.True(result.Success, $"{file}: {result.Error}");
        return Assert.IsType<T>(result.Message);
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    [Fact]
    public void Section_3_1_1_1_wsinv_unfolds_headers_and_reads_odd_white_space()
    {
        var request = Request("wsinv");

        Assert.Equal("sip:vivekg@chair-dnrc.example.com;unknownparam", request.RequestUriText);
        Assert.True(request.RequestUri!.Parameters.Contains("unknownparam"));
        Assert.Equal("sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n", request.Headers[KnownHeader.To]);
        Assert.Equal("1918181833n", request.To!.Tag);
        Assert.Equal("J Rosenberg \\\"", request.From!.DisplayName);
        Assert.Equal("98asjd8", request.From.Tag);
        Assert.Equal(68, request.MaxForwards);
        Assert.Equal(new CSeqHeader(9, SipMethods.Invite), request.CSeq);
        Assert.Equal(string.Empty, request.Headers[KnownHeader.Subject]);
        Assert.Equal("newfangled value continued newfangled value", request.Headers["NewFangledHeader"]);
        Assert.Equal(";;,,;;,;", request.Headers["UnknownHeaderWithUnusualValue"]);
        Assert.Equal(150, request.Body.Length);
    }

    [Fact]
    public void Section_3_1_1_1_wsinv_has_three_Vias_from_long_and_compact_header_names()
    {
        var vias = Request("wsinv").Vias;

        Assert.Equal(["UDP", "TCP", "UDP"], vias.Select(v => v.Transport));
        Assert.Equal(["192.0.2.2", "spindle.example.com", "192.168.255.111"], vias.Select(v => v.Host));
        Assert.Equal(["390skdjuw", "z9hG4bK9ikj8", "z9hG4bK30239"], vias.Select(v => v.Branch));
        Assert.False(vias[0].HasRfc3261Branch);
    }

    [Fact]
    public void Section_3_1_1_1_wsinv_Contact_and_Route_keep_their_unknown_parameters()
    {
        var request = Request("wsinv");
        Assert.True(request.TryGetContacts(out var contacts, out _, out _));
        var contact = Assert.Single(contacts);
        var route = NameAddress.Parse(request.Headers[KnownHeader.Route]!);

        Assert.Equal("Quoted string \"\"", contact.DisplayName);
        Assert.Equal("newvalue", contact.Parameters.Get("newparam"));
        Assert.True(contact.Parameters.Contains("secondparam"));
        Assert.Null(contact.Parameters.Get("secondparam"));
        Assert.Equal("0.33", contact.Parameters.Get("q"));
        Assert.True(route.Uri.Parameters.Contains("unknown-no-value"));
        Assert.Equal("value", route.Uri.Parameters.Get("unknownwith"));
    }

    [Fact]
    public void Section_3_1_1_2_intmeth_reads_every_token_character_and_fails_only_on_the_unknown_method()
    {
        var request = Request("intmeth");
        const string method = "!interesting-Method0123456789_*+`.%indeed'~";

        Assert.Equal(method, request.Method);
        Assert.Equal(method, request.CSeq!.Method);
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", request.RequestUri!.User);
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", request.RequestUri.Password);
        Assert.Equal("BEL:\u0007 NUL:\0 DEL:\u007F", request.To!.DisplayName);
        Assert.Equal("token1~` token2'+_ token3*%!.-", request.From!.DisplayName);
        Assert.Equal("_token~1'+`*%!-.", request.From.Tag);
        Assert.Equal("\uFEFF\u5927\u505C\u96FB", request.Headers["extensionHeader-!.%*+_`'~"]);

        var allowingIt = new UasCapabilities { AllowedMethods = [.. UasCapabilities.DefaultAllowedMethods, method] };
        Assert.Equal(Outcome.Accept, ServerVerdict.For(TortureCorpus.Load("intmeth"), allowingIt).Outcome);
    }

    [Fact]
    public void Section_3_1_1_3_esc01_unescapes_users_and_URI_parameters()
    {
        var request = Request("esc01");
        Assert.True(request.TryGetContacts(out var contacts, out _, out _));
        var contactUri = Assert.Single(contacts).Uri;

        Assert.Equal("sips:user@example.com", request.RequestUri!.UnescapedUser);
        Assert.Equal("example.net", request.RequestUri.Host);
        Assert.Equal("user", request.To!.Uri.UnescapedUser);
        Assert.Equal("I have spaces", request.From!.Uri.UnescapedUser);
        Assert.Equal("caller", contactUri.UnescapedUser);
        Assert.Equal(
            [("lr", (string?)null), ("name", "value%41")],
            contactUri.Parameters.Items.Select(p => (SipUri.Unescape(p.Key), p.Value is null ? null : SipUri.Unescape(p.Value))));
        Assert.Equal("application/sdp", request.ContentType);
    }

    [Fact]
    public void Section_3_1_1_4_escnull_keeps_escaped_nulls_in_users()
    {
        var request = Request("escnull");
        Assert.True(request.TryGetContacts(out var contacts, out _, out _));

        Assert.Equal("null-\0-null", request.To!.Uri.UnescapedUser);
        Assert.Equal("null-\0-null", request.From!.Uri.UnescapedUser);
        Assert.Equal(["\0", "\0\0"], contacts.Select(c => c.Uri.UnescapedUser));
    }

    [Fact]
    public void Section_3_1_1_5_esc02_does_not_unescape_the_method_or_header_names()
    {
        var request = Request("esc02");
        Assert.True(request.TryGetContacts(out var contacts, out _, out _));

        Assert.Equal("RE%47IST%45R", request.Method);
        Assert.NotEqual(SipMethods.Register, request.Method);
        Assert.Equal("%Z%45", request.To!.DisplayName);
        Assert.Equal("%Z%45", request.From!.DisplayName);
        Assert.Equal(2, contacts.Count);
        Assert.Equal("<sip:alias2@host2.example.com>", request.Headers["C%6Fntact"]);
        Assert.Equal("z9hG4bK209%fzsnel234", request.TopVia!.Branch);
    }

    [Fact]
    public void Section_3_1_1_6_lwsdisp_reads_a_display_name_touching_the_angle_bracket()
    {
        var from = Request("lwsdisp").From!;

        Assert.Equal("caller", from.DisplayName);
        Assert.Equal("sip:caller@example.com", from.Uri.ToString());
        Assert.Equal("323", from.Tag);
    }

    [Fact]
    public void Section_3_1_1_7_longreq_keeps_long_values_whole()
    {
        var request = Request("longreq");

        Assert.Equal("I have a user name of " + Repeat("extreme", 10) + " proportion", request.To!.DisplayName);
        Assert.Equal(6000, request.To.Uri.Port);
        Assert.Equal("very" + Repeat("long", 20) + "value", request.To.Uri.Parameters.Get("unknownparam1"));
        Assert.Equal("shortvalue", request.To.Uri.Parameters.Get("longparam" + Repeat("name", 25)));
        Assert.True(request.To.Uri.Parameters.Contains("very" + Repeat("long", 25) + "ParameterNameWithNoValue"));
        Assert.Equal(Repeat("amazinglylongcallername", 5), request.From!.Uri.User);
        Assert.Equal("12" + Repeat("982", 50) + "424", request.From.Tag);
        Assert.Equal("unknowheaderparam" + Repeat("value", 15), request.From.Parameters.Get("unknownheaderparam" + Repeat("name", 20)));
        Assert.True(request.From.Parameters.Contains("unknownValueless" + Repeat("paramname", 10)));
        Assert.Equal("longreq.one" + Repeat("really", 20) + "longcallid", request.CallId);
        Assert.StartsWith("unknown-" + Repeat("long", 20) + "-value;", request.Headers["Unknown-" + Repeat("Long", 20) + "-Name"]);
    }

    [Fact]
    public void Section_3_1_1_7_longreq_has_34_Vias_in_order_whatever_their_name_spelling()
    {
        var vias = Request("longreq").Vias;

        Assert.Equal(34, vias.Count);
        Assert.Equal(Enumerable.Range(1, 33).Reverse().Select(n => $"sip{n}.example.com"), vias.Take(33).Select(v => v.Host));
        Assert.Equal("very" + Repeat("long", 50) + "branchvalue", vias[33].Branch);
        Assert.Equal("192.0.2.5", vias[33].Received);
    }

    [Fact]
    public void Section_3_1_1_8_dblreq_uses_only_the_first_request_in_the_datagram()
    {
        var request = Request("dblreq");

        Assert.Equal(SipMethods.Register, request.Method);
        Assert.True(request.Body.IsEmpty);
        Assert.Equal(8, request.Headers.Count);
        Assert.Equal("dblreq.0ha0isndaksdj99sdfafnl3lk233412", request.CallId);
        Assert.DoesNotContain(request.Headers, h => h.Value.Contains("INVITE", StringComparison.Ordinal));
    }

    [Fact]
    public void Section_3_1_1_9_semiuri_keeps_the_semicolons_in_the_user_part()
    {
        var request = Request("semiuri");

        Assert.Equal("user;par=u%40example.net", request.RequestUri!.User);
        Assert.Equal("user;par=u@example.net", request.RequestUri.UnescapedUser);
        Assert.Equal("example.com", request.RequestUri.Host);
        Assert.Equal(0, request.RequestUri.Parameters.Count);
        Assert.Equal(
            ["application/sdp", "application/pkcs7-mime", "multipart/mixed", "multipart/signed", "message/sip", "message/sipfrag"],
            request.Headers.ElementsOf(KnownHeader.Accept));
    }

    [Fact]
    public void Section_3_1_1_10_transports_has_five_Vias_with_known_and_unknown_transports()
    {
        var request = Request("transports");

        Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"], request.Vias.Select(v => v.Transport));
        Assert.Equal("transports.kijh4akdnaqjkwendsasfdj", request.CallId);
    }

    [Fact]
    public void Section_3_1_1_11_mpart01_frames_a_binary_multipart_body_by_Content_Length()
    {
        var request = Request("mpart01");

        Assert.Equal(553, request.Body.Length);
        Assert.Contains((byte)0, request.Body.ToArray());
        Assert.StartsWith("multipart/mixed;boundary=7a9cbec02ceef655", request.ContentType);
        Assert.EndsWith("--7a9cbec02ceef655--\r\n", Encoding.Latin1.GetString(request.Body.Span));
    }

    [Fact]
    public void Section_3_1_1_12_unreason_decodes_a_UTF8_reason_phrase()
    {
        var response = ParsedOk<SipResponse>("unreason");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("= 2**3 * 5**2 но сто девяносто девять - простое", response.ReasonPhrase);
        Assert.Null(SipMessageValidator.ValidateResponse(response));
    }

    [Fact]
    public void Section_3_1_1_13_noreason_has_an_empty_reason_phrase()
    {
        var response = ParsedOk<SipResponse>("noreason");

        Assert.Equal(100, response.StatusCode);
        Assert.Equal(string.Empty, response.ReasonPhrase);
        Assert.Null(SipMessageValidator.ValidateResponse(response));
    }
}
