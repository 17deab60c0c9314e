using CallCenter.Sip.Core;
using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Message.Support;

namespace CallCenter.Sip.Tests.Message;

/// <summary>RFC 4475 §3.3 and §3.4: the parsed values and the response headers behind the verdicts.</summary>
public class Rfc4475SemanticsTests
{
    private static ServerVerdict Verdict(string file, UasCapabilities? capabilities = null, bool forwarding = false) =>
        ServerVerdict.For(TortureCorpus.Load(file), capabilities, forwarding);

    [Fact]
    public void Section_3_3_2_unkscm_keeps_an_unknown_scheme_as_an_opaque_URI()
    {
        var uri = Verdict("unkscm").Request.RequestUri!;

        Assert.Equal("nobodyknowsthisscheme", uri.Scheme);
        Assert.Equal("totallyopaquecontent", uri.Opaque);
        Assert.False(uri.IsSip);
    }

    [Fact]
    public void Section_3_3_3_novelsc_parses_a_registered_but_atypical_scheme()
    {
        var uri = Verdict("novelsc").Request.RequestUri!;

        Assert.Equal("soap.beep", uri.Scheme);
        Assert.Equal("//192.0.2.103:3002", uri.Opaque);
    }

    [Fact]
    public void Section_3_3_4_unksm2_parses_other_schemes_in_To_From_and_Contact()
    {
        var request = Verdict("unksm2").Request;
        Assert.True(request.TryGetContacts(out var contacts, out _, out _));

        Assert.Equal("isbn", request.To!.Uri.Scheme);
        Assert.Equal("http", request.From!.Uri.Scheme);
        Assert.Equal("3234233", request.From.Tag);
        Assert.Equal("name", Assert.Single(contacts).Uri.Scheme);
    }

    [Fact]
    public void Section_3_3_5_bext01_lists_only_Require_tags_in_Unsupported_and_ignores_Proxy_Require()
    {
        var verdict = Verdict("bext01");
        var supportingBoth = new UasCapabilities { SupportedExtensions = ["nothingsupportsthis", "NOTHINGSUPPORTSTHISEITHER"] };

        Assert.Equal("nothingSupportsThis, nothingSupportsThisEither", verdict.Rejection!.HeaderValue(KnownHeader.Unsupported));
        Assert.Equal(Outcome.Accept, Verdict("bext01", supportingBoth).Outcome);
    }

    [Fact]
    public void Section_3_3_6_invut_415_lists_what_we_accept()
    {
        var rejection = Verdict("invut").Rejection!;

        Assert.Equal("Unsupported Media Type", rejection.ReasonPhrase);
        Assert.Equal("application/sdp, application/dtmf-relay, application/dtmf, multipart/mixed", rejection.HeaderValue(KnownHeader.Accept));
    }

    [Fact]
    public void Section_3_3_7_regaut01_passes_with_its_unknown_Authorization_scheme_untouched()
    {
        var verdict = Verdict("regaut01");

        Assert.Equal(Outcome.Accept, verdict.Outcome);
        Assert.Equal("NoOneKnowsThisScheme opaque-data=here", verdict.Request.Headers[KnownHeader.Authorization]);
    }

    [Fact]
    public void Section_3_3_10_bcast_parses_the_broadcast_Via_before_it_is_dropped()
    {
        var verdict = Verdict("bcast");

        Assert.Equal(Outcome.Drop, verdict.Outcome);
        Assert.Equal("255.255.255.255", verdict.Response.Vias[1].Host);
    }

    [Fact]
    public void Section_3_3_11_zeromf_is_processed_by_an_endpoint_and_refused_483_when_forwarded()
    {
        Assert.Equal(0, Verdict("zeromf").Request.MaxForwards);
        Assert.Equal(Outcome.Accept, Verdict("zeromf").Outcome);

        var forwarded = Verdict("zeromf", forwarding: true);
        Assert.Equal(483, forwarded.StatusCode);
        Assert.Equal("Too Many Hops", forwarded.Rejection!.ReasonPhrase);
    }

    [Fact]
    public void Section_3_3_12_cparam01_unknownparam_belongs_to_the_Contact_not_its_URI()
    {
        Assert.True(Verdict("cparam01").Request.TryGetContacts(out var contacts, out _, out _));
        var contact = Assert.Single(contacts);

        Assert.Equal(0, contact.Uri.Parameters.Count);
        Assert.True(contact.Parameters.Contains("unknownparam"));
        Assert.Equal("+19725552222", contact.Uri.User);
    }

    [Fact]
    public void Section_3_3_13_cparam02_unknownparam_belongs_to_the_URI_inside_angle_brackets()
    {
        Assert.True(Verdict("cparam02").Request.TryGetContacts(out var contacts, out _, out _));
        var contact = Assert.Single(contacts);

        Assert.True(contact.Uri.Parameters.Contains("unknownparam"));
        Assert.Equal(0, contact.Parameters.Count);
    }

    [Fact]
    public void Section_3_3_14_regescrt_keeps_the_escaped_header_of_the_Contact_URI_for_storage()
    {
        Assert.True(Verdict("regescrt").Request.TryGetContacts(out var contacts, out _, out _));
        var uri = Assert.Single(contacts).Uri;

        Assert.Equal("Route=%3Csip:sip.example.com%3E", uri.Headers);
        Assert.Equal("Route=<sip:sip.example.com>", SipUri.Unescape(uri.Headers!));
        Assert.Equal("sip:user@example.com?Route=%3Csip:sip.example.com%3E", uri.ToString());
    }

    [Fact]
    public void Section_3_3_15_sdp01_406_carries_a_Warning_399()
    {
        var rejection = Verdict("sdp01").Rejection!;

        Assert.Equal("Not Acceptable", rejection.ReasonPhrase);
        Assert.StartsWith("399 callcenter \"", rejection.HeaderValue(KnownHeader.Warning));
    }

    [Fact]
    public void Section_3_4_1_inv2543_is_accepted_without_branch_tag_Max_Forwards_or_Content_Length()
    {
        var request = Verdict("inv2543").Request;

        Assert.Null(request.TopVia!.Branch);
        Assert.False(request.TopVia.HasRfc3261Branch);
        Assert.Null(request.From!.Tag);
        Assert.Null(request.MaxForwards);
        Assert.False(request.Headers.Contains(KnownHeader.ContentLength));
        Assert.Equal("phone", request.From.Uri.Parameters.Get("user"));
        Assert.Equal("phone", request.To!.Parameters.Get("user"));
        Assert.Equal(0, request.To.Uri.Parameters.Count);
        Assert.Equal("v=0\r\no=mhandley 29739 7272939 IN IP4 192.0.2.5\r\ns=-\r\nc=IN IP4 192.0.2.5\r\nt=0 0\r\nm=audio 49217 RTP/AVP 0\r\n",
            System.Text.Encoding.ASCII.GetString(request.Body.Span));
    }
}
