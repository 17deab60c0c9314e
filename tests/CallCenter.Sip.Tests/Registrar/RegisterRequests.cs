using System.Net;
using System.Text;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Tests.Registrar;

/// <summary>REGISTER requests in the shape a desk softphone sends them, parsed by the real parser.</summary>
internal static class RegisterRequests
{
    public const string Domain = "callcenter.test";

    public static readonly SipRemote Phone = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.50"), 5062));

    public const string DeskPhone = "<sip:1001@192.0.2.50:5062>";

    /// <summary>
    /// A REGISTER for <paramref name="user"/> with one Contact header line holding <paramref name="contact"/>
    /// (which may itself be a comma-separated list; null leaves Contact out: a query). Null
    /// <paramref name="expires"/> leaves the Expires header out. More Contact lines can go in <paramref name="extraHeaders"/>.
    /// </summary>
    public static SipRequest Register(
        string? contact = DeskPhone,
        string user = "1001",
        string callId = "reg-1@192.0.2.50",
        long cseq = 1,
        string? expires = "3600",
        string extraHeaders = "")
    {
        var builder = new StringBuilder();
        builder.Append($"REGISTER sip:{Domain} SIP/2.0\r\n");
        builder.Append($"Via: SIP/2.0/UDP 192.0.2.50:5062;branch=z9hG4bK{Guid.NewGuid():N};rport\r\n");
        builder.Append("Max-Forwards: 70\r\n");
        builder.Append($"From: \"Agent {user}\" <sip:{user}@{Domain}>;tag=ph{cseq}\r\n");
        builder.Append($"To: \"Agent {user}\" <sip:{user}@{Domain}>\r\n");
        builder.Append($"Call-ID: {callId}\r\n");
        builder.Append($"CSeq: {cseq} REGISTER\r\n");
        if (contact is not null)
        {
            builder.Append($"Contact: {contact}\r\n");
        }

        if (expires is not null)
        {
            builder.Append($"Expires: {expires}\r\n");
        }

        builder.Append("User-Agent: TestPhone/2.1\r\n");
        builder.Append(extraHeaders);
        builder.Append("Content-Length: 0\r\n\r\n");
        var parsed = SipParser.Parse(Encoding.UTF8.GetBytes(builder.ToString()));
        Assert.True(parsed.Success, parsed.Error);
        return (SipRequest)parsed.Message!;
    }

    /// <summary>The Contact elements of a 200 as (URI text, expires) pairs, in order.</summary>
    public static List<(string Uri, long Expires)> ListedContacts(SipResponse response)
    {
        Assert.True(response.TryGetContacts(out var contacts, out var wildcard, out var error), error);
        Assert.False(wildcard);
        return contacts.Select(c => (c.Uri.ToString(), long.Parse(c.Parameters.Get("expires")!, System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }
}
