using System.Text;
using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Message.Support;

namespace CallCenter.Sip.Tests.Message;

/// <summary>Start lines, header lines and body framing (RFC 3261 §7, §18.3).</summary>
public class SipParserTests
{
    private const string Request = "OPTIONS sip:b@example.com SIP/2.0\n" + WireText.MinimalHeaders + "CSeq: 1 OPTIONS\n";

    [Fact]
    public void Section_7_5_empty_lines_before_the_start_line_are_ignored()
    {
        var result = WireText.Parse("\n\n" + Request + "\n");

        Assert.True(result.Success, result.Error);
        Assert.Equal(SipMethods.Options, ((SipRequest)result.Message!).Method);
    }

    [Theory]
    [InlineData("", "no CRLF after the start line")]
    [InlineData("\r\n\r\n", "no CRLF after the start line")]
    [InlineData("OPTIONS sip:b@example.com SIP/2.0", "no CRLF after the start line")]
    [InlineData("OPTIONS sip:b@example.com SIP/2.0\nVia: x\n\n", "no CRLF after the start line")]
    [InlineData("INV<ITE sip:b@example.com SIP/2.0\r\n\r\n", "method is not a token")]
    [InlineData("OPTIONS\r\n\r\n", "malformed request line")]
    [InlineData(" OPTIONS sip:b@example.com SIP/2.0\r\n\r\n", "malformed request line")]
    [InlineData("SIP/2.0 20 OK\r\n\r\n", "status code is not three digits")]
    [InlineData("SIP/2.0 2000 OK\r\n\r\n", "status code is not three digits")]
    [InlineData("SIP/2.0 099 Early\r\n\r\n", "status code out of range")]
    [InlineData("SIP/2.0 700 Late\r\n\r\n", "status code out of range")]
    [InlineData("SIP/2.0x 200 OK\r\n\r\n", "malformed status line")]
    [InlineData("SIP/2.0 200 O\rK\r\n\r\n", "bare CR or LF inside the reason phrase")]
    public void Start_lines_that_cannot_be_read_give_no_message(string text, string error)
    {
        var result = SipParser.Parse(Encoding.UTF8.GetBytes(text));

        Assert.Null(result.Message);
        Assert.Equal(error, result.Error);
    }

    [Theory]
    [InlineData("OPTIONS sip:b@example.com\n", "request line has no SIP version")]
    [InlineData("OPTIONS sip:b@example.com SIP/2.0x\n", "malformed SIP version in the request line")]
    [InlineData("OPTIONS sip:b@example.com HTTP/1.1\n", "malformed SIP version in the request line")]
    [InlineData("OPTIONS sip:b@example.com SIP/2.0 extra\n", "white space inside the Request-URI, or extra elements in the request line")]
    [InlineData("OPTIONS sip:b@example.com\tSIP/2.0\n", "request line has no SIP version")]
    public void Request_lines_with_a_known_method_but_bad_syntax_still_yield_a_request_to_answer(string startLine, string error)
    {
        var result = WireText.Parse(startLine + WireText.MinimalHeaders + "CSeq: 1 OPTIONS\n\n");

        Assert.IsType<SipRequest>(result.Message);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public void A_Request_URI_with_a_bare_line_feed_is_refused()
    {
        var bytes = WireText.Bytes(Request + "\n");
        bytes[12] = (byte)'\n';

        Assert.Equal("Request-URI contains white space or characters that are not allowed there", SipParser.Parse(bytes).Error);
    }

    [Fact]
    public void The_version_is_a_case_insensitive_literal_and_SIP_2_0_is_shared()
    {
        var upper = WireText.Parse(Request + "\n").Message!;
        var again = WireText.Parse(Request + "\n").Message!;
        var lower = WireText.Parse(Request.Replace(" SIP/2.0\n", " sip/2.0\n", StringComparison.Ordinal) + "\n");

        Assert.Same(upper.Version, again.Version);
        Assert.True(lower.Success);
        Assert.Equal("sip/2.0", lower.Message!.Version);
        Assert.Null(SipMessageValidator.Validate((SipRequest)lower.Message));
    }

    [Theory]
    [InlineData("Bad Header\n", "header line without ':'")]
    [InlineData(": no name\n", "header line does not start with a header name")]
    [InlineData("Na<me: x\n", "header line without ':'")]
    public void Malformed_header_lines_are_reported_with_the_message_kept(string line, string error)
    {
        var result = WireText.Parse(Request + line + "\n");

        Assert.IsType<SipRequest>(result.Message);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public void A_continuation_line_before_any_header_is_an_error()
    {
        var result = WireText.Parse("OPTIONS sip:b@example.com SIP/2.0\n folded\n" + WireText.MinimalHeaders + "\n");

        Assert.Equal("continuation line before the first header", result.Error);
    }

    [Theory]
    [InlineData("Subject: a\rb")]
    [InlineData("Subject: a\nb")]
    [InlineData(" folded\rinto Call-ID")]
    public void Bare_CR_or_LF_inside_a_header_line_is_an_error(string line)
    {
        var text = Request.Replace("\n", "\r\n", StringComparison.Ordinal) + line + "\r\n\r\n";

        Assert.Equal("bare CR or LF inside a header line", SipParser.Parse(Encoding.ASCII.GetBytes(text)).Error);
    }

    [Fact]
    public void Section_18_3_the_body_is_cut_to_Content_Length_and_extra_bytes_are_ignored()
    {
        var result = WireText.Parse(Request + "Content-Length: 5\n\nhello and more");

        Assert.True(result.Success);
        Assert.Equal("hello", Encoding.ASCII.GetString(result.Message!.Body.Span));
    }

    [Fact]
    public void Without_Content_Length_the_body_runs_to_the_end_of_the_datagram()
    {
        var result = WireText.Parse(Request + "\nall of this");

        Assert.Equal("all of this", Encoding.ASCII.GetString(result.Message!.Body.Span));
    }

    [Fact]
    public void A_datagram_ending_after_the_last_header_line_has_an_empty_body()
    {
        var result = WireText.Parse(Request);

        Assert.True(result.Success, result.Error);
        Assert.True(result.Message!.Body.IsEmpty);
    }

    [Theory]
    [InlineData("Content-Length: 5\nl: 5\n", null)]
    [InlineData("Content-Length: 5\nl: 4\n", "conflicting Content-Length headers")]
    [InlineData("Content-Length: abc\n", "Content-Length is not a non-negative number")]
    [InlineData("Content-Length: +5\n", "Content-Length is not a non-negative number")]
    [InlineData("Content-Length: 12345678901\n", "Content-Length is not a non-negative number")]
    [InlineData("Content-Length:\n", "Content-Length is not a non-negative number")]
    [InlineData("Content-Length: 6\n", "Content-Length 6 is larger than the 5-byte body received")]
    public void Content_Length_must_be_one_number_no_larger_than_the_body(string lines, string? error)
    {
        Assert.Equal(error, WireText.Parse(Request + lines + "\nhello").Error);
    }

    [Fact]
    public void A_status_line_without_a_reason_phrase_is_read()
    {
        var result = SipParser.Parse(Encoding.ASCII.GetBytes("SIP/2.0 180\r\n\r\n"));

        var response = Assert.IsType<SipResponse>(result.Message);
        Assert.Equal(180, response.StatusCode);
        Assert.Equal(string.Empty, response.ReasonPhrase);
        Assert.True(response.IsProvisional);
    }

    [Fact]
    public void SipMethods_know_the_methods_of_RFC_3261_and_its_extensions_case_sensitively()
    {
        Assert.True(SipMethods.IsKnown("PRACK"));
        Assert.True(SipMethods.IsKnown("REGISTER"));
        Assert.False(SipMethods.IsKnown("register"));
        Assert.False(SipMethods.IsKnown("RE%47IST%45R"));
        Assert.Same(SipMethods.Update, SipMethods.Intern("UPDATE".AsSpan()));
    }
}
