using CallCenter.Sip.Core;
using CallCenter.Sip.Message;
using static CallCenter.Sip.Tests.Core.UasRequestChecksTestRequests;

namespace CallCenter.Sip.Tests.Core;

/// <summary>RFC 3261 §8.2.1 (method) and §8.2.2 (headers) checks of <see cref="UasRequestChecks"/>, and their order.</summary>
public class UasRequestChecksHeaderTests
{
    private static UasRejection? Check(SipRequest request, UasCapabilities? capabilities = null, bool forwarding = false) =>
        UasRequestChecks.Check(request, capabilities ?? UasCapabilities.Default, forwarding);

    [Theory]
    [InlineData("INVITE")]
    [InlineData("ACK")]
    [InlineData("CANCEL")]
    [InlineData("BYE")]
    [InlineData("OPTIONS")]
    [InlineData("REGISTER")]
    [InlineData("INFO")]
    [InlineData("UPDATE")]
    public void Section_8_2_1_methods_we_implement_pass(string method) =>
        Assert.Null(Check(Valid(method)));

    [Theory]
    [InlineData("MESSAGE")]
    [InlineData("SUBSCRIBE")]
    [InlineData("NOTIFY")]
    [InlineData("REFER")]
    [InlineData("PRACK")]
    [InlineData("PUBLISH")]
    public void Section_8_2_1_a_known_method_we_do_not_handle_gets_405_with_Allow(string method)
    {
        var rejection = Check(Valid(method))!;

        Assert.Equal(405, rejection.StatusCode);
        Assert.Equal("Method Not Allowed", rejection.ReasonPhrase);
        Assert.Equal("INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, INFO, UPDATE", rejection.HeaderValue(KnownHeader.Allow));
        Assert.Contains(method, rejection.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FOO")]
    [InlineData("invite")]
    [InlineData("Register")]
    public void Section_8_2_1_an_unknown_method_gets_501_without_Allow(string method)
    {
        var rejection = Check(Valid(method))!;

        Assert.Equal(501, rejection.StatusCode);
        Assert.Equal("Method Not Implemented", rejection.ReasonPhrase);
        Assert.Empty(rejection.Headers);
    }

    [Fact]
    public void Section_8_2_1_the_allowed_set_is_configurable_and_drives_the_Allow_header()
    {
        var capabilities = new UasCapabilities { AllowedMethods = [SipMethods.Invite, SipMethods.Message] };

        Assert.Null(Check(Valid("MESSAGE"), capabilities));
        Assert.Equal("INVITE, MESSAGE", Check(Valid("OPTIONS"), capabilities)!.HeaderValue(KnownHeader.Allow));
    }

    [Fact]
    public void An_ACK_is_never_refused_because_no_response_may_be_sent_to_it()
    {
        var ack = Valid("ACK", "mailto:someone@example.com", "<x/>", "Require: foo", "Content-Type: text/xml");
        var noAck = new UasCapabilities { AllowedMethods = [SipMethods.Invite] };

        Assert.Null(Check(ack, noAck, forwarding: true));
    }

    [Theory]
    [InlineData("sip:queue@cc.example.com")]
    [InlineData("sips:queue@cc.example.com")]
    [InlineData("SIP:queue@cc.example.com")]
    [InlineData("tel:+15551230001")]
    public void Section_8_2_2_1_sip_sips_and_tel_Request_URIs_pass(string uri) =>
        Assert.Null(Check(Valid("OPTIONS", uri)));

    [Theory]
    [InlineData("mailto:agent@example.com", "mailto")]
    [InlineData("http://cc.example.com/queue", "http")]
    [InlineData("urn:service:sos", "urn")]
    public void Section_8_2_2_1_other_Request_URI_schemes_get_416(string uri, string scheme)
    {
        var rejection = Check(Valid("INVITE", uri))!;

        Assert.Equal(416, rejection.StatusCode);
        Assert.Equal("Unsupported URI Scheme", rejection.ReasonPhrase);
        Assert.Contains($"'{scheme}'", rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_16_3_Max_Forwards_0_refuses_only_a_request_we_would_forward()
    {
        var spent = Valid("INVITE", headers: "X-Ignored: 1");
        spent.Headers.Set(KnownHeader.MaxForwards, "0");

        Assert.Null(Check(spent));
        Assert.Equal(483, Check(spent, forwarding: true)!.StatusCode);
    }

    [Theory]
    [InlineData("1")]
    [InlineData(null)]
    public void Section_16_3_a_positive_or_absent_Max_Forwards_may_be_forwarded(string? maxForwards)
    {
        var request = Valid("INVITE");
        request.Headers.Set(KnownHeader.MaxForwards, maxForwards);

        Assert.Null(Check(request, forwarding: true));
    }

    [Fact]
    public void Section_8_2_2_3_unsupported_Require_tags_are_listed_once_each_in_Unsupported()
    {
        var request = Valid("INVITE", headers: ["Require: 100rel, timer", "Require: TIMER, replaces", "Proxy-Require: sec-agree"]);
        var capabilities = new UasCapabilities { SupportedExtensions = ["replaces"] };

        var rejection = Check(request, capabilities)!;

        Assert.Equal(420, rejection.StatusCode);
        Assert.Equal("Bad Extension", rejection.ReasonPhrase);
        Assert.Equal("100rel, timer", rejection.HeaderValue(KnownHeader.Unsupported));
    }

    [Fact]
    public void Section_8_2_2_3_supported_tags_match_ignoring_case()
    {
        var capabilities = new UasCapabilities { SupportedExtensions = ["Path"] };

        Assert.Null(Check(Valid("REGISTER", headers: "Require: path"), capabilities));
    }

    [Fact]
    public void Section_8_2_2_3_Proxy_Require_is_not_for_a_UAS()
    {
        Assert.Null(Check(Valid("OPTIONS", headers: "Proxy-Require: noProxiesSupportThis")));
    }

    [Fact]
    public void Section_8_2_2_3_Require_is_ignored_on_CANCEL()
    {
        Assert.Null(Check(Valid("CANCEL", headers: "Require: nothingSupportsThis")));
    }

    [Fact]
    public void Section_8_2_2_3_an_empty_Require_element_names_no_extension()
    {
        Assert.Null(Check(Valid("OPTIONS", headers: "Require: ,")));
    }

    [Fact]
    public void Section_8_2_checks_run_method_then_Request_URI_then_hops_then_Require_then_body()
    {
        string[] all = ["Require: foo", "Content-Type: text/plain", "Accept: text/plain"];
        var message = Valid("MESSAGE", "mailto:a@example.com", "hi", all);
        var uri = Valid("INVITE", "mailto:a@example.com", "hi", all);
        var hops = Valid("INVITE", body: "hi", headers: all);
        hops.Headers.Set(KnownHeader.MaxForwards, "0");
        var require = Valid("INVITE", body: "hi", headers: all);
        var body = Valid("INVITE", body: "hi", headers: all[1..]);
        var accept = Valid("INVITE", body: Sdp, headers: ["Content-Type: application/sdp", "Accept: text/plain"]);

        Assert.Equal(405, Check(message, forwarding: true)!.StatusCode);
        Assert.Equal(416, Check(uri, forwarding: true)!.StatusCode);
        Assert.Equal(483, Check(hops, forwarding: true)!.StatusCode);
        Assert.Equal(420, Check(require, forwarding: true)!.StatusCode);
        Assert.Equal(415, Check(body, forwarding: true)!.StatusCode);
        Assert.Equal(406, Check(accept, forwarding: true)!.StatusCode);
    }
}
