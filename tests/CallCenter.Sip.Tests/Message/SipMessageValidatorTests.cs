using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Message.Support;

namespace CallCenter.Sip.Tests.Message;

/// <summary>The checks every element makes before acting on a message (RFC 3261 §8.2, §8.1.3.3, §18.1.2).</summary>
public class SipMessageValidatorTests
{
    private const string Mandatory =
        "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-v1\nFrom: <sip:a@example.com>;tag=1\nTo: <sip:b@example.com>\nCall-ID: v1@192.0.2.1\nCSeq: 1 {0}\n";

    private static SipMessageValidator.Failure? Validate(string headers, string method = "OPTIONS", string uri = "sip:b@example.com", string version = "SIP/2.0")
    {
        var result = WireText.Parse($"{method} {uri} {version}\n{headers}\n");
        Assert.True(result.Success, result.Error);
        return SipMessageValidator.Validate((SipRequest)result.Message!);
    }

    private static string WithMandatory(string extra = "", string method = "OPTIONS") => string.Format(null, Mandatory, method) + extra;

    private static string? ValidateResponse(string headers) =>
        SipMessageValidator.ValidateResponse((SipResponse)WireText.Parse($"SIP/2.0 200 OK\n{headers}\n").Message!);

    [Fact]
    public void A_request_with_the_mandatory_headers_passes() => Assert.Null(Validate(WithMandatory()));

    [Fact]
    public void Missing_mandatory_headers_are_all_named()
    {
        Assert.Equal(new SipMessageValidator.Failure(400, "Missing Via header"), Validate(WithMandatory().Split('\n', 2)[1]));
        Assert.Equal("Missing From, Call-ID headers", Validate("Via: SIP/2.0/UDP h;branch=z9hG4bK1\nTo: <sip:b@example.com>\nCSeq: 1 OPTIONS\n")!.Value.Reason);
    }

    [Theory]
    [InlineData("From: <sip:c@example.com>;tag=2\n", "Multiple From headers")]
    [InlineData("t: <sip:c@example.com>\n", "Multiple To headers")]
    [InlineData("i: other@host\n", "Multiple Call-ID headers")]
    [InlineData("CSeq: 2 OPTIONS\n", "Multiple CSeq headers")]
    [InlineData("Max-Forwards: 70\nMax-Forwards: 69\n", "Multiple Max-Forwards headers")]
    [InlineData("c: application/sdp\nContent-Type: application/sdp\n", "Multiple Content-Type headers")]
    [InlineData("Expires: 1\nExpires: 2\n", "Multiple Expires headers")]
    public void Single_valued_headers_may_appear_once(string extra, string reason) =>
        Assert.Equal(reason, Validate(WithMandatory(extra))!.Value.Reason);

    [Theory]
    [InlineData("Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-v1", "Via: SIP/2.0/UDP", "Bad Via: Via sent-by: missing host")]
    [InlineData("From: <sip:a@example.com>;tag=1", "From: sip:a@example.com?x", "Bad From header: a URI with ',' or '?' must be enclosed in <>")]
    [InlineData("To: <sip:b@example.com>", "To: <sip:b@example.com", "Bad To header: missing '>'")]
    [InlineData("CSeq: 1 OPTIONS", "CSeq: OPTIONS", "Bad CSeq header: CSeq must start with a number")]
    [InlineData("Call-ID: v1@192.0.2.1", "Call-ID: v1 @192.0.2.1", "Bad Call-ID header: it must be one word without white space")]
    public void Malformed_mandatory_headers_are_named_with_the_fault(string good, string bad, string reason) =>
        Assert.Equal(reason, Validate(WithMandatory().Replace(good, bad, StringComparison.Ordinal))!.Value.Reason);

    [Fact]
    public void Section_8_2_CSeq_must_name_the_request_method_when_the_method_is_known()
    {
        Assert.Equal("CSeq method INVITE does not match the request method BYE", Validate(WithMandatory(method: "INVITE"), "BYE")!.Value.Reason);
        Assert.Null(Validate(WithMandatory(method: "INVITE"), "FOO"));
    }

    [Theory]
    [InlineData("sip:b@example.com;lr?Subject=x", "Request-URI must not contain headers")]
    [InlineData("sip:b@", "Bad Request-URI: missing host")]
    [InlineData("b@example.com", "Bad Request-URI: missing or invalid URI scheme")]
    public void The_Request_URI_must_be_a_URI_without_headers(string uri, string reason) =>
        Assert.Equal(reason, Validate(WithMandatory(), uri: uri)!.Value.Reason);

    [Theory]
    [InlineData("tel:+15551230001")]
    [InlineData("mailto:a@example.com?subject=hi")]
    public void Non_SIP_Request_URIs_are_left_to_the_UAS_checks(string uri) => Assert.Null(Validate(WithMandatory(), uri: uri));

    [Theory]
    [InlineData("SIP/3.0")]
    [InlineData("SIP/2.1")]
    public void Other_versions_get_505(string version) =>
        Assert.Equal(505, Validate(WithMandatory(), version: version)!.Value.StatusCode);

    [Theory]
    [InlineData("0", null)]
    [InlineData("0068", null)]
    [InlineData("255", null)]
    [InlineData("256", "Max-Forwards must be a number from 0 to 255, not '256'")]
    [InlineData("-1", "Max-Forwards must be a number from 0 to 255, not '-1'")]
    [InlineData("seventy", "Max-Forwards must be a number from 0 to 255, not 'seventy'")]
    public void Max_Forwards_must_be_0_to_255(string value, string? reason) =>
        Assert.Equal(reason, Validate(WithMandatory($"Max-Forwards: {value}\n"))?.Reason);

    [Theory]
    [InlineData("3600", 3600L)]
    [InlineData("0", 0L)]
    [InlineData("4294967296", 4294967295L)]
    [InlineData("99999999999999999999999", 4294967295L)]
    [InlineData("Thu, 01 Dec 1994 16:00:00 GMT", 3600L)]
    [InlineData("-5", 3600L)]
    public void Section_20_19_Expires_is_never_refused_and_reads_clamped_or_as_3600(string value, long seconds)
    {
        var request = (SipRequest)WireText.Parse($"REGISTER sip:example.com SIP/2.0\n{WithMandatory($"Expires: {value}\n", "REGISTER")}\n").Message!;

        Assert.Null(SipMessageValidator.Validate(request));
        Assert.Equal(seconds, request.Expires);
    }

    [Fact]
    public void A_missing_Expires_reads_as_null() => Assert.Null(WireText.Request().Expires);

    [Fact]
    public void A_bad_Contact_is_refused() =>
        Assert.Equal("Bad Contact: display name has characters that must be quoted", Validate(WithMandatory("Contact: A@B <sip:x@y.example>\n"))!.Value.Reason);

    [Theory]
    [InlineData("<sip:b@example.com>", null)]
    [InlineData("<sips:b@example.com>", null)]
    [InlineData("<tel:+15551230001>", "The To of a REGISTER must be a sip: or sips: address of record, not tel:")]
    public void Section_10_2_the_To_of_a_REGISTER_is_a_SIP_address_of_record(string to, string? reason)
    {
        var headers = WithMandatory(method: "REGISTER").Replace("To: <sip:b@example.com>", "To: " + to, StringComparison.Ordinal);

        Assert.Equal(reason, Validate(headers, "REGISTER", "sip:example.com")?.Reason);
    }

    [Theory]
    [InlineData("branch=z9hG4bK", "Via branch is the magic cookie alone, without a transaction identifier")]
    [InlineData("branch=z9hG4bK1", null)]
    [InlineData("branch=1234", null)]
    [InlineData("received=192.0.2.9", null)]
    public void RFC_4475_3_2_1_a_branch_that_is_only_the_magic_cookie_is_refused(string parameter, string? reason) =>
        Assert.Equal(reason, Validate(WithMandatory().Replace("branch=z9hG4bK-v1", parameter, StringComparison.Ordinal))?.Reason);

    [Fact]
    public void A_response_with_one_Via_passes() => Assert.Null(ValidateResponse(WithMandatory(method: "INVITE")));

    [Fact]
    public void Section_8_1_3_3_a_response_with_two_Vias_is_dropped() =>
        Assert.Contains("exactly one Via", ValidateResponse(WithMandatory("Via: SIP/2.0/UDP 198.51.100.1;branch=z9hG4bK-2\n", "INVITE")), StringComparison.Ordinal);

    [Fact]
    public void A_response_with_a_missing_header_or_another_version_is_dropped()
    {
        Assert.Equal("Missing CSeq header", ValidateResponse(WithMandatory().Replace("CSeq: 1 OPTIONS\n", string.Empty, StringComparison.Ordinal)));
        var other = (SipResponse)WireText.Parse($"SIP/3.0 200 OK\n{WithMandatory()}\n").Message!;
        Assert.Equal("unsupported version SIP/3.0", SipMessageValidator.ValidateResponse(other));
    }
}
