using System.Net;
using System.Text;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Tests.Dialogs;

/// <summary>Wire-format messages for the dialog tests (the RFC 3261 §24.2 call between Alice and Bob, via proxies).</summary>
internal static class DialogMessages
{
    public static readonly SipRemote AlicePhone = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.101"), 5060));

    /// <summary>An INVITE from Alice to us (Bob), with the Record-Route lines given.</summary>
    public static SipRequest InviteFromAlice(string recordRoute = "", long cseq = 314159, string contact = "<sip:alice@pc33.atlanta.example.com>", string transport = "UDP") =>
        Parse<SipRequest>(
            "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n" +
            $"Via: SIP/2.0/{transport} bigbox3.site3.atlanta.example.com;branch=z9hG4bK77ef4c2312983.1\r\n" +
            $"Via: SIP/2.0/{transport} pc33.atlanta.example.com;branch=z9hG4bKnashds8;received=192.0.2.101\r\n" +
            "Max-Forwards: 69\r\n" +
            "To: Bob <sip:bob@biloxi.example.com>\r\n" +
            "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r\n" +
            "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n" +
            $"CSeq: {cseq} INVITE\r\n" +
            (contact.Length > 0 ? $"Contact: {contact}\r\n" : string.Empty) +
            recordRoute +
            "Content-Length: 0\r\n\r\n");

    /// <summary>An INVITE we (Alice) send to Bob.</summary>
    public static SipRequest InviteToBob(long cseq = 1) =>
        Parse<SipRequest>(
            "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 198.51.100.1:5060;branch={BranchId.New()};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            "To: Bob <sip:bob@biloxi.example.com>\r\n" +
            "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r\n" +
            "Call-ID: a84b4c76e66710@198.51.100.1\r\n" +
            $"CSeq: {cseq} INVITE\r\n" +
            "Contact: <sip:alice@198.51.100.1:5060>\r\n" +
            "Content-Length: 0\r\n\r\n");

    /// <summary>Bob's answer to <paramref name="invite"/> as it reaches us, with the Record-Route lines given.</summary>
    public static SipResponse AnswerFromBob(SipRequest invite, int status = 200, string recordRoute = "", string contact = "<sip:bob@192.0.2.4>", string toTag = "a6c85cf")
    {
        var response = ResponseFactory.Create(invite, status, toTag: toTag);
        foreach (var line in recordRoute.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            response.Headers.Add(KnownHeader.RecordRoute, line["Record-Route: ".Length..]);
        }

        if (contact.Length > 0)
        {
            response.Headers.Add(KnownHeader.Contact, contact);
        }

        return Reparse<SipResponse>(response);
    }

    public static T Reparse<T>(SipMessage message)
        where T : SipMessage => Parse<T>(message.ToString());

    public static T Parse<T>(string text)
        where T : SipMessage
    {
        var parsed = SipParser.Parse(Encoding.UTF8.GetBytes(text));
        Assert.True(parsed.Success, parsed.Error);
        return Assert.IsType<T>(parsed.Message);
    }
}
