using CallCenter.Auth;
using CallCenter.Calls.Legs;
using CallCenter.Calls.Trunks;
using CallCenter.Sip.Message;
using CallCenter.Calls.Tests.Sip.Support;

namespace CallCenter.Calls.Tests.Trunks;

/// <summary>
/// Calls out through a trunk: numbers normalised to E.164 in the trunk's region, the INVITE to sip:number@provider
/// From our caller id, the provider's 407 answered with a re-sent INVITE (RFC 3261 §22.2), and the leg's events.
/// </summary>
public sealed class TrunkDialerTests
{
    [Theory]
    [InlineData("0917 123 4567", "+639171234567")]
    [InlineData("+63 917-123-4567", "+639171234567")]
    [InlineData("00 44 7911 123456", "+447911123456")]
    public async Task Numbers_are_normalised_in_the_trunk_s_region(string typed, string e164)
    {
        await using var harness = await TrunkDialerHarness.StartAsync();

        Assert.True(harness.Dialer.TryNormalize(typed, out var normalized, out var error), error);
        Assert.Equal(e164, normalized);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("")]
    [InlineData("call me")]
    public async Task Numbers_that_are_not_dialable_are_refused_with_a_reason(string typed)
    {
        await using var harness = await TrunkDialerHarness.StartAsync();

        Assert.False(harness.Dialer.TryNormalize(typed, out var normalized, out var error));
        Assert.Equal(string.Empty, normalized);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData(null, "+639171234567")]
    [InlineData("00", "00639171234567")]
    [InlineData("9", "9639171234567")]
    public void The_prefix_replaces_the_plus(string? prefix, string wire) =>
        Assert.Equal(wire, Plan(prefix).WireNumber("+639171234567"));

    [Fact]
    public async Task The_INVITE_goes_to_the_provider_for_the_number_from_our_caller_id()
    {
        await using var harness = await TrunkDialerHarness.StartAsync();

        harness.Dial("0917 123 4567");
        var invite = await harness.Provider.ReceiveRequestAsync(SipMethods.Invite);

        Assert.Equal("sip:+639171234567@provider.test:5060", invite.RequestUriText);
        Assert.Equal("sip:+639171234567@provider.test", invite.To!.Uri.ToString());
        Assert.Equal("sip:+6328881234@provider.test", invite.From!.Uri.ToString());
        Assert.Equal("Call Center", invite.From.DisplayName);
        Assert.Equal("application/sdp", invite.ContentType);
        Assert.False(invite.Headers.Contains(KnownHeader.ProxyAuthorization));
    }

    [Fact]
    public async Task A_407_is_answered_with_Proxy_Authorization_and_CSeq_plus_one_and_the_call_goes_on()
    {
        await using var harness = await TrunkDialerHarness.StartAsync(prefix: "00");
        harness.Dial("+639171234567");
        var first = await harness.Provider.ReceiveRequestAsync(SipMethods.Invite);
        Assert.Equal("sip:00639171234567@provider.test:5060", first.RequestUriText);

        harness.Provider.Send(Respond(first, 407, ("Proxy-Authenticate", "Digest realm=\"provider.test\", nonce=\"abc\", algorithm=MD5")));
        var challengeAck = await harness.Provider.ReceiveRequestAsync(SipMethods.Ack);
        var second = await harness.Provider.ReceiveRequestAsync(SipMethods.Invite);

        Assert.Equal(first.CSeq!.Number, challengeAck.CSeq!.Number);

        Assert.Equal(new CSeqHeader(first.CSeq!.Number + 1, SipMethods.Invite), second.CSeq);
        Assert.Equal((first.CallId, first.From!.Tag), (second.CallId, second.From!.Tag));
        Assert.True(DigestCredentials.TryParse(second.Headers[KnownHeader.ProxyAuthorization], out var sent, out var error), error);
        // RFC 2069 form (no qop): MD5(MD5("trunkuser:provider.test:s3cret") ":abc:" MD5("INVITE:" uri)).
        var expected = DigestCalculator.ComputeResponse(
            DigestAlgorithm.Md5,
            DigestSecret.FromPassword(TrunkDialerHarness.Password),
            new DigestResponseParameters("INVITE", first.RequestUriText, TrunkDialerHarness.Username, "provider.test", "abc", null, null, null));
        Assert.Equal(expected, sent.Response);
        Assert.Empty(harness.Events);

        harness.Provider.Send(Respond(second, 180));
        await harness.EventAsync<AgentLegEvent.Ringing>();
        harness.Provider.Send(Respond(second, 200, ("Contact", $"<sip:gw@{harness.Provider.HostPort}>"), ("Content-Type", "application/sdp")));
        var answered = await harness.EventAsync<AgentLegEvent.Answered>();
        var ack = await harness.Provider.ReceiveRequestAsync(SipMethods.Ack);

        Assert.Equal(second.CSeq!.Number, ack.CSeq!.Number);
        Assert.NotNull(answered);
        Assert.DoesNotContain(harness.Events, e => e is AgentLegEvent.Failed);
    }

    [Fact]
    public async Task The_callee_hanging_up_reaches_the_leg()
    {
        await using var harness = await TrunkDialerHarness.StartAsync();
        harness.Dial("+639171234567");
        var invite = await harness.Provider.ReceiveRequestAsync(SipMethods.Invite);
        var ok = Respond(invite, 200, ("Contact", $"<sip:gw@{harness.Provider.HostPort}>"));
        harness.Provider.Send(ok);
        await harness.Provider.ReceiveRequestAsync(SipMethods.Ack);

        var bye = SipPeer.Request(
            $"BYE sip:callcenter@127.0.0.1:{harness.Stack.UdpEndPoints[0].Port} SIP/2.0\n{harness.Provider.Via}\n" +
            $"From: {ok.Headers[KnownHeader.To]}\nTo: {invite.Headers[KnownHeader.From]}\nCall-ID: {invite.CallId}\nCSeq: 1 BYE");
        var byeAnswer = await harness.Provider.SendAndGetFinalAsync(bye);

        Assert.Equal(200, byeAnswer.StatusCode);
        await harness.EventAsync<AgentLegEvent.HungUp>();
    }

    [Fact]
    public async Task A_refusal_after_the_challenge_is_reported_as_the_failure()
    {
        await using var harness = await TrunkDialerHarness.StartAsync();
        harness.Dial("+639171234567");
        var first = await harness.Provider.ReceiveRequestAsync(SipMethods.Invite);
        harness.Provider.Send(Respond(first, 407, ("Proxy-Authenticate", "Digest realm=\"provider.test\", nonce=\"abc\"")));
        var second = await harness.Provider.ReceiveRequestAsync(SipMethods.Invite);

        harness.Provider.Send(Respond(second, 486));

        Assert.Equal(486, (await harness.EventAsync<AgentLegEvent.Failed>()).StatusCode);
    }

    [Fact]
    public async Task A_number_that_cannot_be_dialled_fails_with_484_without_sending_anything()
    {
        await using var harness = await TrunkDialerHarness.StartAsync();

        harness.Dial("12");

        Assert.Equal(SipTrunkDialer.BadNumberStatus, (await harness.EventAsync<AgentLegEvent.Failed>()).StatusCode);
        Assert.Empty(await harness.Provider.SyncAsync());
    }

    [Fact]
    public async Task A_provider_whose_address_is_unknown_fails_with_503()
    {
        await using var harness = await TrunkDialerHarness.StartAsync(resolved: false);

        harness.Dial("+639171234567");

        Assert.Equal(SipTrunkDialer.UnreachableStatus, (await harness.EventAsync<AgentLegEvent.Failed>()).StatusCode);
    }

    private static TrunkDialPlan Plan(string? prefix = null) =>
        new("carrier", "provider.test", 5060, null, "+6328881234", "Call Center", "PH", prefix, null);

    private static SipResponse Respond(SipRequest request, int status, params (string Name, string Value)[] headers)
    {
        var response = ResponseFactory.Create(request, status, toTag: status == 100 ? null : "gw-tag");
        foreach (var (name, value) in headers)
        {
            response.Headers.Add(name, value);
        }

        return response;
    }
}
