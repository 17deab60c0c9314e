using CallCenter.Sip.Core;
using CallCenter.Sip.Message;
using static CallCenter.Sip.Tests.Core.UasRequestChecksTestRequests;

namespace CallCenter.Sip.Tests.Core;

/// <summary><see cref="UasRejection"/> and <see cref="UasCapabilities"/>.</summary>
public class UasRequestChecksResultTests
{
    [Fact]
    public void A_rejection_builds_the_response_with_the_copied_headers_a_To_tag_and_its_extra_headers()
    {
        var request = Valid("MESSAGE", headers: "Subject: hello");
        var rejection = UasRequestChecks.Check(request, UasCapabilities.Default)!;

        var response = rejection.CreateResponse(request, "t42");

        Assert.Equal(405, response.StatusCode);
        Assert.Equal("Method Not Allowed", response.ReasonPhrase);
        Assert.Equal(request.Headers[KnownHeader.Via], response.Headers[KnownHeader.Via]);
        Assert.Equal("t42", response.To!.Tag);
        Assert.Equal(request.CallId, response.CallId);
        Assert.Equal(request.CSeq, response.CSeq);
        Assert.Equal(UasCapabilities.Default.AllowHeaderValue, response.Headers[KnownHeader.Allow]);
        Assert.Null(response.Headers[KnownHeader.Subject]);
    }

    [Fact]
    public void The_built_response_parses_back_with_the_same_extra_headers()
    {
        var request = Valid("INVITE", body: Sdp, headers: ["Content-Type: application/sdp", "Accept: text/plain"]);
        var response = UasRequestChecks.Check(request, UasCapabilities.Default)!.CreateResponse(request, "t1");

        var reparsed = Assert.IsType<SipResponse>(SipParser.Parse(response.ToBytes()).Message);

        Assert.Equal(406, reparsed.StatusCode);
        Assert.Equal(response.Headers[KnownHeader.Warning], reparsed.Headers[KnownHeader.Warning]);
        Assert.Null(SipMessageValidator.ValidateResponse(reparsed));
    }

    [Fact]
    public void HeaderValue_is_null_for_a_header_the_rejection_does_not_add()
    {
        var rejection = new UasRejection(501, "Method Not Implemented", "x", []);

        Assert.Null(rejection.HeaderValue(KnownHeader.Allow));
    }

    [Fact]
    public void Default_capabilities_allow_the_eight_methods_and_claim_only_session_timers()
    {
        var capabilities = UasCapabilities.Default;

        Assert.Equal("INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER, INFO, UPDATE", capabilities.AllowHeaderValue);
        Assert.Equal(["timer"], capabilities.SupportedExtensions);
        Assert.Equal("timer", capabilities.SupportedHeaderValue);
        Assert.True(capabilities.IsSupported("Timer"));
        Assert.False(capabilities.IsSupported("replaces"));
        Assert.True(capabilities.IsAllowed("INVITE"));
        Assert.False(capabilities.IsAllowed("invite"));
        Assert.True(capabilities.Accepts("APPLICATION/DTMF-RELAY"));
        Assert.False(capabilities.Accepts("multipart/mixed"));
        Assert.Equal("callcenter", capabilities.WarningAgent);
    }

    [Fact]
    public void Configured_capabilities_change_what_is_claimed()
    {
        var capabilities = new UasCapabilities
        {
            SupportedExtensions = ["replaces", "path"],
            AcceptedContentTypes = ["application/sdp"],
            WarningAgent = "cc.example.com",
        };

        Assert.True(capabilities.IsSupported("REPLACES"));
        Assert.Equal("application/sdp, multipart/mixed", capabilities.AcceptHeaderValue);
        var request = Valid("INVITE", body: Sdp, headers: ["Content-Type: application/sdp", "Accept: text/plain"]);
        Assert.StartsWith("399 cc.example.com ", UasRequestChecks.Check(request, capabilities)!.HeaderValue(KnownHeader.Warning));
    }
}
