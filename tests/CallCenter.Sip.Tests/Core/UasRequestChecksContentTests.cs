using CallCenter.Sip.Core;
using CallCenter.Sip.Message;
using static CallCenter.Sip.Tests.Core.UasRequestChecksTestRequests;

namespace CallCenter.Sip.Tests.Core;

/// <summary>RFC 3261 §8.2.3 content checks and the RFC 4475 §3.3.15 Accept check of <see cref="UasRequestChecks"/>.</summary>
public class UasRequestChecksContentTests
{
    private const string Boundary = "b0undary";

    private static UasRejection? Check(SipRequest request) => UasRequestChecks.Check(request, UasCapabilities.Default);

    private static string Multipart(params (string? Type, string Content)[] parts)
    {
        var body = "preamble to ignore\r\n";
        foreach (var (type, content) in parts)
        {
            body += $"--{Boundary}\r\n" + (type is null ? string.Empty : $"Content-Type: {type}\r\n") + "\r\n" + content + "\r\n";
        }

        return body + $"--{Boundary}--\r\n";
    }

    [Theory]
    [InlineData("INVITE", "application/sdp")]
    [InlineData("INVITE", "Application/SDP ; charset=utf-8")]
    [InlineData("INFO", "application/dtmf-relay")]
    [InlineData("INFO", "application/dtmf")]
    public void Section_8_2_3_bodies_we_understand_pass(string method, string contentType) =>
        Assert.Null(Check(Valid(method, body: Sdp, headers: $"Content-Type: {contentType}")));

    [Fact]
    public void Section_8_2_3_an_unknown_type_gets_415_with_Accept()
    {
        var rejection = Check(Valid("INFO", body: "<dtmf/>", headers: "Content-Type: application/media_control+xml"))!;

        Assert.Equal(415, rejection.StatusCode);
        Assert.Equal("application/sdp, application/dtmf-relay, application/dtmf, multipart/mixed", rejection.HeaderValue(KnownHeader.Accept));
        Assert.Null(rejection.HeaderValue(KnownHeader.AcceptEncoding));
    }

    [Fact]
    public void Section_8_2_3_an_empty_body_is_never_refused_for_its_type()
    {
        Assert.Null(Check(Valid("INVITE", headers: "Content-Type: application/unknownformat")));
    }

    [Fact]
    public void Section_8_2_3_an_encoded_body_gets_415_with_Accept_Encoding()
    {
        var rejection = Check(Valid("INVITE", body: Sdp, headers: ["Content-Type: application/sdp", "e: gzip"]))!;

        Assert.Equal(415, rejection.StatusCode);
        Assert.Equal("identity", rejection.HeaderValue(KnownHeader.AcceptEncoding));
        Assert.Contains("'gzip'", rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_8_2_3_the_identity_encoding_is_no_encoding()
    {
        Assert.Null(Check(Valid("INVITE", body: Sdp, headers: ["Content-Type: application/sdp", "Content-Encoding: Identity"])));
    }

    [Fact]
    public void Section_7_4_1_a_body_without_Content_Type_is_a_bad_request()
    {
        var rejection = Check(Valid("INVITE", body: Sdp))!;

        Assert.Equal(400, rejection.StatusCode);
        Assert.Equal("Missing Content-Type", rejection.ReasonPhrase);
    }

    [Fact]
    public void Section_20_11_an_optional_body_of_unknown_type_is_ignored_rather_than_refused()
    {
        string[] headers = ["Content-Type: text/plain", "Content-Disposition: render;handling=optional"];

        Assert.Null(Check(Valid("INFO", body: "hello", headers: headers)));
        Assert.Equal(415, Check(Valid("INFO", body: "hello", headers: ["Content-Type: text/plain", "Content-Disposition: render;handling=required"]))!.StatusCode);
    }

    [Fact]
    public void Multipart_mixed_with_an_SDP_part_passes()
    {
        var body = Multipart(("application/ISUP; version=itu-t92+", "binary"), ("application/sdp", Sdp));

        Assert.Null(Check(Valid("INVITE", body: body, headers: $"Content-Type: multipart/mixed;boundary={Boundary}")));
        Assert.Null(Check(Valid("INVITE", body: body, headers: $"Content-Type: multipart/mixed; boundary=\"{Boundary}\"")));
    }

    [Fact]
    public void Multipart_mixed_without_an_SDP_part_gets_415()
    {
        var body = Multipart(("text/plain", "application/sdp"), (null, "Content-Type: application/sdp"));

        Assert.Equal(415, Check(Valid("INVITE", body: body, headers: $"Content-Type: multipart/mixed;boundary={Boundary}"))!.StatusCode);
    }

    [Fact]
    public void Multipart_mixed_without_a_boundary_gets_415()
    {
        var body = Multipart(("application/sdp", Sdp));

        Assert.Equal(415, Check(Valid("INVITE", body: body, headers: "Content-Type: multipart/mixed"))!.StatusCode);
    }

    [Fact]
    public void Multipart_kinds_other_than_mixed_get_415()
    {
        var body = Multipart(("application/sdp", Sdp));

        Assert.Equal(415, Check(Valid("INVITE", body: body, headers: $"Content-Type: multipart/alternative;boundary={Boundary}"))!.StatusCode);
    }

    [Theory]
    [InlineData("--b\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n--b--", true)]
    [InlineData("--b  \r\ncontent-type:application/SDP\r\n\r\nv=0", true)]
    [InlineData("x\r\n--bb\r\nContent-Type: application/sdp\r\n\r\n\r\n--b--", false)]
    [InlineData("--b--\r\n--b\r\nContent-Type: application/sdp\r\n\r\n", false)]
    [InlineData("--b\r\nContent-Type: text/plain\r\n\r\nContent-Type: application/sdp\r\n--b--", false)]
    [InlineData("--b", false)]
    [InlineData("", false)]
    public void Multipart_parts_are_found_only_after_delimiter_lines(string body, bool hasSdp) =>
        Assert.Equal(hasSdp, UasRequestChecks.MultipartHasPartOfType(System.Text.Encoding.ASCII.GetBytes(body), "b", "application/sdp"));

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/sdp;q=0")]
    [InlineData("application/sdp;q=0.000, text/html")]
    [InlineData("")]
    public void RFC_4475_3_3_15_an_INVITE_whose_Accept_rules_out_SDP_gets_406_with_Warning_399(string accept)
    {
        var rejection = Check(Valid("INVITE", body: Sdp, headers: ["Content-Type: application/sdp", $"Accept: {accept}"]))!;

        Assert.Equal(406, rejection.StatusCode);
        Assert.StartsWith("399 callcenter \"", rejection.HeaderValue(KnownHeader.Warning));
    }

    [Theory]
    [InlineData("application/sdp")]
    [InlineData("text/plain, application/SDP")]
    [InlineData("application/*")]
    [InlineData("*/*")]
    [InlineData("application/sdp;q=0.5")]
    public void An_Accept_that_admits_SDP_passes(string accept) =>
        Assert.Null(Check(Valid("INVITE", headers: $"Accept: {accept}")));

    [Fact]
    public void Accept_is_looked_at_only_when_the_response_will_carry_SDP()
    {
        Assert.Null(Check(Valid("OPTIONS", headers: "Accept: text/plain")));
        Assert.Null(Check(Valid("UPDATE", headers: "Accept: text/plain")));
        Assert.Equal(406, Check(Valid("UPDATE", body: Sdp, headers: ["Content-Type: application/sdp", "Accept: text/plain"]))!.StatusCode);
    }

    [Fact]
    public void Every_Accept_line_counts()
    {
        Assert.Null(Check(Valid("INVITE", headers: ["Accept: text/plain", "Accept: application/sdp"])));
    }
}
