using System.Text;
using CallCenter.Auth;
using CallCenter.Sip.Core;
using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Core.Support;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Tests.Trunks;

/// <summary>
/// An INVITE to a provider that challenges it (RFC 3261 §22.2, §22.3): the 407 is acknowledged by the transaction
/// layer (§17.1.1.3) and the INVITE goes again with Proxy-Authorization, CSeq one higher, same Call-ID and From tag.
/// </summary>
public sealed class TrunkInviteChallengeTests
{
    private const string Number = "sip:+639171234567@provider.test";
    private static readonly UacCredentials Credentials = new("trunkuser", DigestSecret.FromPassword("s3cret"), null);

    [Fact]
    public async Task A_407_is_answered_with_a_new_INVITE_carrying_Proxy_Authorization_and_CSeq_plus_one()
    {
        await using var harness = await CoreHarness.StartAsync();
        var provider = harness.NewSocket();
        var call = Dial(harness, provider, Credentials);
        var first = await provider.ReceiveRequestAsync();

        provider.Send(Respond(first, 407, "Proxy-Authenticate: Digest realm=\"provider.test\", nonce=\"p-1\", qop=\"auth\"\r\n"));
        var ack = await provider.ReceiveRequestAsync();
        var second = await provider.ReceiveRequestAsync();

        Assert.Equal((SipMethods.Ack, first.CSeq!.Number), (ack.Method, ack.CSeq!.Number));
        Assert.Equal(first.TopVia!.Branch, ack.TopVia!.Branch);
        Assert.Equal(SipMethods.Invite, second.Method);
        Assert.Equal(new CSeqHeader(first.CSeq.Number + 1, SipMethods.Invite), second.CSeq);
        Assert.Equal((first.CallId, first.From!.Tag, first.RequestUriText), (second.CallId, second.From!.Tag, second.RequestUriText));
        Assert.Null(second.To!.Tag);
        Assert.NotEqual(first.TopVia.Branch, second.TopVia!.Branch);
        Assert.Equal(first.Body.ToArray(), second.Body.ToArray());
        Assert.Null(SipMessageValidator.Validate(second));
        Assert.True(DigestCredentials.TryParse(second.Headers[KnownHeader.ProxyAuthorization], out var sent, out var error), error);
        var expected = DigestCalculator.ComputeResponse(
            DigestAlgorithm.Md5,
            DigestSecret.FromPassword("s3cret"),
            new DigestResponseParameters("INVITE", Number, "trunkuser", "provider.test", "p-1", sent.Cnonce, sent.NonceCount, "auth"));
        Assert.Equal((expected, Number), (sent.Response, sent.Uri));
        Assert.Equal(second.CSeq, call.Request.CSeq);

        provider.Send(Respond(second, 200, $"Contact: <sip:gw@{provider.HostPort}>\r\n", Softphone.Sdp));
        var answerAck = await provider.ReceiveRequestAsync();
        var outcome = await call.Outcome.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(outcome.IsAnswered);
        Assert.Equal((SipMethods.Ack, second.CSeq!.Number), (answerAck.Method, answerAck.CSeq!.Number));
    }

    [Fact]
    public async Task A_second_407_for_the_same_credentials_ends_the_attempt()
    {
        await using var harness = await CoreHarness.StartAsync();
        var provider = harness.NewSocket();
        var call = Dial(harness, provider, Credentials);
        const string Challenge = "Proxy-Authenticate: Digest realm=\"provider.test\", nonce=\"p-1\"\r\n";

        provider.Send(Respond(await provider.ReceiveRequestAsync(), 407, Challenge));
        await provider.ReceiveRequestAsync(); // ACK
        provider.Send(Respond(await provider.ReceiveRequestAsync(), 407, Challenge));
        var outcome = await call.Outcome.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(407, outcome.StatusCode);
        Assert.Equal(SipMethods.Ack, (await provider.ReceiveRequestAsync()).Method);
        await provider.AssertNothingSentAsync();
    }

    [Fact]
    public async Task Without_credentials_a_challenge_is_the_outcome()
    {
        await using var harness = await CoreHarness.StartAsync();
        var provider = harness.NewSocket();
        var call = Dial(harness, provider, credentials: null);

        provider.Send(Respond(await provider.ReceiveRequestAsync(), 401, "WWW-Authenticate: Digest realm=\"provider.test\", nonce=\"w\"\r\n"));

        Assert.Equal(401, (await call.Outcome.WaitAsync(TimeSpan.FromSeconds(10))).StatusCode);
    }

    [Fact]
    public async Task A_cancel_after_the_retry_goes_to_the_retried_INVITE()
    {
        await using var harness = await CoreHarness.StartAsync();
        var provider = harness.NewSocket();
        var call = Dial(harness, provider, Credentials);
        provider.Send(Respond(await provider.ReceiveRequestAsync(), 407, "Proxy-Authenticate: Digest realm=\"provider.test\", nonce=\"p-1\"\r\n"));
        await provider.ReceiveRequestAsync(); // ACK
        var second = await provider.ReceiveRequestAsync();

        call.Cancel();
        await provider.AssertNothingSentAsync(); // held back until a provisional response (§9.1)
        provider.Send(Respond(second, 180));
        var cancel = await provider.ReceiveRequestAsync();

        Assert.Equal(SipMethods.Cancel, cancel.Method);
        Assert.Equal((second.CSeq!.Number, second.TopVia!.Branch), (cancel.CSeq!.Number, cancel.TopVia!.Branch));
    }

    private static OutgoingInvite Dial(CoreHarness harness, TestPhone provider, UacCredentials? credentials) =>
        harness.Core.Invite(
            SipUri.Parse(Number),
            NameAddress.Parse($"<{Number}>"),
            NameAddress.Parse("\"Call Center\" <sip:+6328881234@provider.test>"),
            new SipRemote(SipTransportKind.Udp, provider.EndPoint),
            Encoding.UTF8.GetBytes(Softphone.Sdp),
            "application/sdp",
            credentials: credentials);

    private static SipResponse Respond(SipRequest request, int status, string headers = "", string? body = null)
    {
        var response = ResponseFactory.Create(request, status, toTag: status == 100 ? null : "gw-tag");
        foreach (var line in headers.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
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
}
