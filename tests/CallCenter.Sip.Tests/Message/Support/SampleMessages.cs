using System.Text;

namespace CallCenter.Sip.Tests.Message.Support;

/// <summary>Ordinary messages of the kind the call centre sees all day.</summary>
internal static class SampleMessages
{
    /// <summary>An INVITE from a trunk with an SDP offer, about 800 bytes.</summary>
    public static byte[] Invite { get; } = Encoding.ASCII.GetBytes(
        "INVITE sip:support@cc.example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bK776asdhds;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "To: \"Support\" <sip:support@cc.example.com>\r\n" +
        "From: \"Alice\" <sip:+15551230001@trunk.example.net;user=phone>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@pc33.trunk.example.net\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:+15551230001@192.0.2.20:5060;transport=udp>\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE\r\n" +
        "Supported: timer, replaces\r\n" +
        "User-Agent: ExampleGateway/4.2\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: 235\r\n" +
        "\r\n" +
        "v=0\r\n" +
        "o=gw 2890844526 2890844526 IN IP4 192.0.2.20\r\n" +
        "s=-\r\n" +
        "c=IN IP4 192.0.2.20\r\n" +
        "t=0 0\r\n" +
        "m=audio 49170 RTP/AVP 0 8 101\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=ptime:20\r\n" +
        "a=sendrecv\r\n");
}
