using System.Text;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.Tests.Core;

/// <summary>Builds wire-format requests that pass <see cref="SipMessageValidator"/>, for the UAS check tests.</summary>
internal static class UasRequestChecksTestRequests
{
    public static SipRequest Valid(string method, string uri = "sip:queue@cc.example.com", string body = "", params string[] headers)
    {
        var text = new StringBuilder()
            .Append(method).Append(' ').Append(uri).Append(" SIP/2.0\r\n")
            .Append("Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-uas-1\r\n")
            .Append("Max-Forwards: 70\r\n")
            .Append("From: <sip:caller@example.net>;tag=f1\r\n")
            .Append("To: <sip:queue@cc.example.com>\r\n")
            .Append("Call-ID: uas-checks@192.0.2.10\r\n")
            .Append("CSeq: 1 ").Append(method).Append("\r\n");
        foreach (var header in headers)
        {
            text.Append(header).Append("\r\n");
        }

        var bodyBytes = Encoding.UTF8.GetByteCount(body);
        text.Append("Content-Length: ").Append(bodyBytes).Append("\r\n\r\n").Append(body);
        var result = SipParser.Parse(Encoding.UTF8.GetBytes(text.ToString()));
        Assert.True(result.Success, result.Error);
        var request = Assert.IsType<SipRequest>(result.Message);
        Assert.Null(SipMessageValidator.Validate(request));
        return request;
    }

    public const string Sdp = "v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";
}
