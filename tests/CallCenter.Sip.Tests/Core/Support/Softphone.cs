using System.Net;
using System.Text;
using CallCenter.Auth;
using CallCenter.Sip.Message;

namespace CallCenter.Sip.Tests.Core.Support;

/// <summary>
/// An agent's softphone on loopback: builds requests the way common softphones do (rport, fresh branches, a tag on
/// From, SDP offers), answers digest challenges with <see cref="DigestClient"/>, and keeps the socket.
/// </summary>
internal sealed class Softphone : IDisposable
{
    public const string Sdp =
        "v=0\r\no=- 20518 0 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\n";

    private readonly DigestClient _digest = new();

    public Softphone(IPEndPoint server, string user, string password)
    {
        Phone = new TestPhone(server);
        User = user;
        Password = password;
    }

    public TestPhone Phone { get; }

    public string User { get; }

    public string Password { get; }

    /// <summary>The Contact URI the phone registers and puts in its INVITEs.</summary>
    public string ContactUri => $"sip:{User}@{Phone.HostPort}";

    /// <summary>The address-of-record URI.</summary>
    public string Aor => $"sip:{User}@{CoreHarness.Domain}";

    /// <summary>The server as a Request-URI target (what a phone configured with the server's IP uses).</summary>
    public string ServerUri => $"sip:{Phone.Server.Address}:{Phone.Server.Port}";

    /// <summary>A request from this phone; the header section is built like a softphone builds it.</summary>
    public SipRequest Request(
        string method,
        string requestUri,
        string callId,
        long cseq,
        string to,
        string fromTag = "ph-tag",
        string? branch = null,
        string extraHeaders = "",
        string? body = null,
        string cseqMethod = "")
    {
        var builder = new StringBuilder();
        builder.Append($"{method} {requestUri} SIP/2.0\r\n");
        builder.Append($"Via: SIP/2.0/UDP {Phone.HostPort};branch={branch ?? NewBranch()};rport\r\n");
        builder.Append("Max-Forwards: 70\r\n");
        builder.Append($"From: \"Agent {User}\" <{Aor}>;tag={fromTag}\r\n");
        builder.Append($"To: {to}\r\n");
        builder.Append($"Call-ID: {callId}\r\n");
        builder.Append($"CSeq: {cseq} {(cseqMethod.Length > 0 ? cseqMethod : method)}\r\n");
        builder.Append("User-Agent: TestPhone/2.1\r\n");
        builder.Append(extraHeaders);
        if (body is not null)
        {
            builder.Append("Content-Type: application/sdp\r\n");
        }

        builder.Append($"Content-Length: {Encoding.UTF8.GetByteCount(body ?? string.Empty)}\r\n\r\n");
        builder.Append(body);
        return Parse(builder.ToString());
    }

    /// <summary>A REGISTER of this phone's contact (null <paramref name="expires"/> leaves Expires out).</summary>
    public SipRequest Register(long cseq, string? expires = "3600", string? authorization = null, string callId = "reg@127.0.0.1", string? toUser = null, string? contact = null)
    {
        var headers = new StringBuilder();
        headers.Append($"Contact: <{contact ?? ContactUri}>\r\n");
        if (expires is not null)
        {
            headers.Append($"Expires: {expires}\r\n");
        }

        if (authorization is not null)
        {
            headers.Append($"Authorization: {authorization}\r\n");
        }

        return Request(SipMethods.Register, $"sip:{CoreHarness.Domain}", callId, cseq, $"<sip:{toUser ?? User}@{CoreHarness.Domain}>", extraHeaders: headers.ToString());
    }

    /// <summary>An INVITE to a queue with an SDP offer; <paramref name="authorization"/> answers a challenge.</summary>
    public SipRequest Invite(long cseq = 1, string callId = "call@127.0.0.1", string? authorization = null, string fromTag = "ph-tag", bool withContact = true)
    {
        var headers = new StringBuilder();
        if (withContact)
        {
            headers.Append($"Contact: <{ContactUri}>\r\n");
        }

        headers.Append("Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO\r\n");
        if (authorization is not null)
        {
            headers.Append($"Authorization: {authorization}\r\n");
        }

        return Request(SipMethods.Invite, $"sip:support@{CoreHarness.Domain}", callId, cseq, $"<sip:support@{CoreHarness.Domain}>", fromTag, extraHeaders: headers.ToString(), body: Sdp);
    }

    /// <summary>
    /// Answers the challenge in <paramref name="challenge"/> for <paramref name="request"/> (the first offered
    /// algorithm, or <paramref name="algorithm"/>), as this user or another.
    /// </summary>
    public string Authorize(SipResponse challenge, SipRequest request, DigestAlgorithm? algorithm = null, string? user = null, string? password = null, string? digestUri = null)
    {
        var offers = challenge.Headers.ValuesOf(KnownHeader.WwwAuthenticate).ToList();
        Assert.NotEmpty(offers);
        DigestChallenge? chosen;
        if (algorithm is null)
        {
            Assert.True(DigestClient.TrySelectChallenge(offers, out chosen, out var error), error);
        }
        else
        {
            chosen = offers.Select(o => DigestChallenge.TryParse(o, out var c, out _) ? c : null).First(c => c?.Algorithm == algorithm);
        }

        return _digest.CreateAuthorization(chosen!, user ?? User, password ?? Password, request.Method, digestUri ?? request.RequestUriText);
    }

    /// <summary>REGISTER, answer the 401, and return the final response to the authorized request.</summary>
    public async Task<SipResponse> RegisterAsync(string? expires = "3600", long cseq = 1, string callId = "reg@127.0.0.1")
    {
        var first = Register(cseq, expires, callId: callId);
        var challenge = await Phone.SendAndGetFinalAsync(first);
        Assert.Equal(401, challenge.StatusCode);
        var second = Register(cseq + 1, expires, Authorize(challenge, first), callId);
        return await Phone.SendAndGetFinalAsync(second);
    }

    /// <summary>
    /// The ACK for <paramref name="final"/> (§17.1.1.3 for a non-2xx: same branch and Request-URI; §13.2.2.4 for a
    /// 2xx: a new branch, to the Contact of the answer).
    /// </summary>
    public SipRequest Ack(SipRequest invite, SipResponse final)
    {
        var to = final.Headers[KnownHeader.To]!;
        if (final.IsSuccess)
        {
            Assert.True(final.TryGetContacts(out var contacts, out _, out _));
            return Request(SipMethods.Ack, contacts[0].Uri.ToString(), invite.CallId!, invite.CSeq!.Number, to, invite.From!.Tag!);
        }

        return Request(SipMethods.Ack, invite.RequestUriText, invite.CallId!, invite.CSeq!.Number, to, invite.From!.Tag!, branch: invite.TopVia!.Branch);
    }

    /// <summary>A CANCEL of <paramref name="invite"/> (§9.1: same branch, Request-URI, Call-ID, From, To and CSeq number).</summary>
    public SipRequest Cancel(SipRequest invite) =>
        Request(SipMethods.Cancel, invite.RequestUriText, invite.CallId!, invite.CSeq!.Number, invite.Headers[KnownHeader.To]!, invite.From!.Tag!, branch: invite.TopVia!.Branch);

    /// <summary>A request inside the dialog that <paramref name="answer"/> (our 2xx to this phone's INVITE) set up.</summary>
    public SipRequest InDialog(string method, SipRequest invite, SipResponse answer, long cseq, string extraHeaders = "", string? body = null)
    {
        Assert.True(answer.TryGetContacts(out var contacts, out _, out _));
        return Request(method, contacts[0].Uri.ToString(), invite.CallId!, cseq, answer.Headers[KnownHeader.To]!, invite.From!.Tag!, extraHeaders: extraHeaders, body: body);
    }

    /// <summary>This phone's response to a request the stack sent it.</summary>
    public SipResponse Answer(SipRequest request, int status, string? toTag = "callee-tag", string extraHeaders = "", string? body = null)
    {
        var response = ResponseFactory.Create(request, status, toTag: status == 100 ? null : toTag);
        foreach (var line in extraHeaders.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            response.Headers.Add(line[..colon], line[(colon + 1)..].Trim());
        }

        if (body is not null)
        {
            response.Headers.Add(KnownHeader.ContentType, "application/sdp");
            response.Body = Encoding.UTF8.GetBytes(body);
        }

        return response;
    }

    public static string NewBranch() => "z9hG4bK" + Guid.NewGuid().ToString("N");

    public static SipRequest Parse(string text)
    {
        var parsed = SipParser.Parse(Encoding.UTF8.GetBytes(text));
        Assert.True(parsed.Success, parsed.Error);
        return Assert.IsType<SipRequest>(parsed.Message);
    }

    public void Dispose() => Phone.Dispose();
}
