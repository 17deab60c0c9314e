using System.Text;

namespace CallCenter.Sip.Transport.Tests;

/// <summary>SIP messages used as test input.</summary>
internal static class SipSamples
{
    public static byte[] Register(string callId = "a84b4c76e66710", string body = "") => Encoding.ASCII.GetBytes(
        "REGISTER sip:registrar.example.com SIP/2.0\r\n"
        + "Via: SIP/2.0/TCP client.example.com:5060;branch=z9hG4bKnashds7\r\n"
        + "Max-Forwards: 70\r\n"
        + "To: Bob <sip:bob@example.com>\r\n"
        + "From: Bob <sip:bob@example.com>;tag=456248\r\n"
        + $"Call-ID: {callId}\r\n"
        + "CSeq: 1826 REGISTER\r\n"
        + "Contact: <sip:bob@192.0.2.4>\r\n"
        + $"Content-Length: {Encoding.ASCII.GetByteCount(body)}\r\n"
        + "\r\n"
        + body);

    public static byte[] Ok(string callId = "a84b4c76e66710") => Encoding.ASCII.GetBytes(
        "SIP/2.0 200 OK\r\n"
        + "Via: SIP/2.0/TCP client.example.com:5060;branch=z9hG4bKnashds7;received=192.0.2.4\r\n"
        + "To: Bob <sip:bob@example.com>;tag=2493k59kd\r\n"
        + "From: Bob <sip:bob@example.com>;tag=456248\r\n"
        + $"Call-ID: {callId}\r\n"
        + "CSeq: 1826 REGISTER\r\n"
        + "Content-Length: 0\r\n"
        + "\r\n");

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public static string Text(ReadOnlyMemory<byte> bytes) => Encoding.ASCII.GetString(bytes.Span);
}
