using System.Text;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.Tests.Message.Support;

/// <summary>Small helpers to write test messages as text with "\n" line ends turned into CRLF.</summary>
internal static class WireText
{
    public const string MinimalHeaders =
        "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-w1\n" +
        "From: <sip:a@example.com>;tag=1\n" +
        "To: <sip:b@example.com>\n" +
        "Call-ID: w1@192.0.2.1\n";

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal));

    public static SipParseResult Parse(string text) => SipParser.Parse(Bytes(text));

    /// <summary>A request with the mandatory headers, then <paramref name="extra"/> lines, then an empty body.</summary>
    public static SipRequest Request(string extra = "", string method = "OPTIONS", string uri = "sip:b@example.com")
    {
        var result = Parse($"{method} {uri} SIP/2.0\n{MinimalHeaders}CSeq: 1 {method}\n{extra}\n");
        Assert.True(result.Success, result.Error);
        return Assert.IsType<SipRequest>(result.Message);
    }
}
