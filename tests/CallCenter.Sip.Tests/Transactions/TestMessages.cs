using System.Net;
using System.Text;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Tests.Transactions;

/// <summary>Wire-format test messages, parsed by the real parser.</summary>
internal static class TestMessages
{
    public static readonly SipRemote PeerUdp = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060));

    public static readonly SipRemote PeerTcp = new(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 41000), 7);

    /// <summary>A request as a peer would send it to us. A null branch leaves the parameter out (RFC 2543).</summary>
    public static SipRequest Inbound(
        string method = SipMethods.Invite,
        string? branch = "z9hG4bKpeer1",
        string fromTag = "caller-tag",
        string? toTag = null,
        long cseq = 1,
        string? cseqMethod = null,
        string callId = "call-1@192.0.2.10",
        string transport = "UDP",
        string sentBy = "192.0.2.10:5060",
        string requestUri = "sip:queue@198.51.100.1",
        string viaExtra = "",
        string extraHeaders = "")
    {
        var via = $"SIP/2.0/{transport} {sentBy}" + (branch is null ? string.Empty : $";branch={branch}") + viaExtra;
        var to = "<sip:queue@198.51.100.1>" + (toTag is null ? string.Empty : $";tag={toTag}");
        var text =
            $"{method} {requestUri} SIP/2.0\r\n" +
            $"Via: {via}\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: \"Caller\" <sip:caller@example.com>;tag={fromTag}\r\n" +
            $"To: {to}\r\n" +
            $"Call-ID: {callId}\r\n" +
            $"CSeq: {cseq} {cseqMethod ?? method}\r\n" +
            extraHeaders +
            "Content-Length: 0\r\n\r\n";
        return Parse<SipRequest>(text);
    }

    /// <summary>A request we originate, with our own Via and a fresh branch unless one is given.</summary>
    public static SipRequest Outbound(string method = SipMethods.Invite, string? branch = null, long cseq = 1, string extraHeaders = "")
    {
        var text =
            $"{method} sip:agent@192.0.2.20:5060 SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 198.51.100.1:5060;branch={branch ?? BranchId.New()}\r\n" +
            "Max-Forwards: 70\r\n" +
            "From: <sip:queue@198.51.100.1>;tag=our-tag\r\n" +
            "To: <sip:agent@192.0.2.20>\r\n" +
            "Call-ID: out-1@198.51.100.1\r\n" +
            $"CSeq: {cseq} {method}\r\n" +
            "Contact: <sip:queue@198.51.100.1:5060>\r\n" +
            extraHeaders +
            "Content-Length: 0\r\n\r\n";
        return Parse<SipRequest>(text);
    }

    /// <summary>A response a peer sends to one of our requests.</summary>
    public static SipResponse ResponseTo(SipRequest request, int statusCode, string? toTag = "agent-tag") =>
        Reparse(ResponseFactory.Create(request, statusCode, toTag: statusCode == 100 ? null : toTag));

    /// <summary>A CANCEL for an inbound INVITE (§9.1: same Request-URI, Call-ID, From, To, CSeq number and top Via).</summary>
    public static SipRequest CancelFor(SipRequest invite)
    {
        var builder = new StringBuilder();
        builder.Append($"CANCEL {invite.RequestUriText} SIP/2.0\r\n");
        builder.Append($"Via: {invite.Headers.ElementsOf(KnownHeader.Via)[0]}\r\n");
        builder.Append("Max-Forwards: 70\r\n");
        builder.Append($"From: {invite.Headers[KnownHeader.From]}\r\n");
        builder.Append($"To: {invite.Headers[KnownHeader.To]}\r\n");
        builder.Append($"Call-ID: {invite.CallId}\r\n");
        builder.Append($"CSeq: {invite.CSeq!.Number} CANCEL\r\n");
        builder.Append("Content-Length: 0\r\n\r\n");
        return Parse<SipRequest>(builder.ToString());
    }

    /// <summary>An ACK as a peer sends it for our non-2xx final (same branch, To with our tag).</summary>
    public static SipRequest AckFor(SipRequest invite, SipResponse final, string? branchOverride = null)
    {
        var via = invite.Headers.ElementsOf(KnownHeader.Via)[0];
        if (branchOverride is not null)
        {
            via = $"SIP/2.0/UDP 192.0.2.10:5060;branch={branchOverride}";
        }

        var text =
            $"ACK {invite.RequestUriText} SIP/2.0\r\n" +
            $"Via: {via}\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: {invite.Headers[KnownHeader.From]}\r\n" +
            $"To: {final.Headers[KnownHeader.To]}\r\n" +
            $"Call-ID: {invite.CallId}\r\n" +
            $"CSeq: {invite.CSeq!.Number} ACK\r\n" +
            "Content-Length: 0\r\n\r\n";
        return Parse<SipRequest>(text);
    }

    /// <summary>Serialises and parses again, so the message looks exactly as if it came off the wire.</summary>
    public static T Reparse<T>(T message)
        where T : SipMessage => Parse<T>(Encoding.UTF8.GetString(message.ToBytes()));

    public static T Parse<T>(string text)
        where T : SipMessage
    {
        var result = SipParser.Parse(Encoding.UTF8.GetBytes(text));
        Assert.True(result.Success, result.Error);
        return Assert.IsType<T>(result.Message);
    }
}
