using System.Text;
using CallCenter.Sip.Message;

namespace CallCenter.Calls.Sip;

/// <summary>
/// The SDP a SIP message carries as its body (RFC 3264 offers and answers in INVITE, 2xx, ACK, UPDATE, 18x): how the
/// call's legs read it and attach it. A body counts as SDP only when its Content-Type says so.
/// </summary>
internal static class SdpBody
{
    /// <summary>The media type of an SDP body.</summary>
    public const string ContentType = "application/sdp";

    /// <summary>True when <paramref name="message"/> carries an SDP body.</summary>
    public static bool IsIn(SipMessage message) =>
        !message.Body.IsEmpty && message.ContentType is { } type && type.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase);

    /// <summary>The SDP <paramref name="message"/> carries, or null when its body is not SDP.</summary>
    public static string? Read(SipMessage message) => IsIn(message) ? Encoding.UTF8.GetString(message.Body.Span) : null;

    /// <summary>Makes <paramref name="sdp"/> the body of <paramref name="message"/>, with its Content-Type.</summary>
    public static void Attach(SipMessage message, string sdp)
    {
        message.Headers.Add(KnownHeader.ContentType, ContentType);
        message.Body = Encoding.UTF8.GetBytes(sdp);
    }
}
