using System.Net;
using CallCenter.Auth;
using CallCenter.Sip.Core;
using CallCenter.Sip.Message;
using CallCenter.Sip.Registrar;
using CallCenter.Sip.Tests.Core.Support;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Tests.Core;

/// <summary>REGISTER through the whole stack on loopback: challenge, authentication, registrar (RFC 3261 §10, §22).</summary>
public sealed class UserAgentCoreRegisterTests
{
    [Fact]
    public async Task A_softphone_registers_after_answering_the_challenge()
    {
        await using var harness = await CoreHarness.StartAsync();
        var phone = harness.NewPhone();

        var first = phone.Register(cseq: 1);
        var challenge = await phone.Phone.SendAndGetFinalAsync(first);
        Assert.Equal(401, challenge.StatusCode);
        Assert.Equal(2, challenge.Headers.CountOf(KnownHeader.WwwAuthenticate));
        Assert.NotNull(challenge.To!.Tag);
        Assert.Empty(harness.Bindings.Lookup("1001"));

        var second = phone.Register(cseq: 2, authorization: phone.Authorize(challenge, first));
        var ok = await phone.Phone.SendAndGetFinalAsync(second);

        Assert.Equal(200, ok.StatusCode);
        Assert.True(ok.TryGetContacts(out var contacts, out _, out _));
        Assert.Equal(phone.ContactUri, Assert.Single(contacts).Uri.ToString());
        Assert.Equal("3600", contacts[0].Parameters.Get("expires"));
        Assert.True(ok.Headers.Contains(KnownHeader.Date));
        var binding = Assert.Single(harness.Bindings.Lookup("1001"));
        Assert.Equal(new SipRemoteView(SipTransportKind.Udp, phone.Phone.EndPoint), new SipRemoteView(binding.Source.Transport, binding.Source.EndPoint));
        Assert.Equal("TestPhone/2.1", binding.UserAgent);
        Assert.Equal([RequestAuthenticator.Challenged, RequestAuthenticator.Authorized], harness.AuthOutcomes);
    }

    [Fact]
    public async Task A_refresh_carrying_the_To_tag_of_an_earlier_200_is_still_a_registration()
    {
        await using var harness = await CoreHarness.StartAsync();
        var phone = harness.NewPhone();
        var first = phone.Register(cseq: 1);
        first.Headers.Set(KnownHeader.To, $"<sip:1001@{CoreHarness.Domain}>;tag=from-an-earlier-200");

        var challenge = await phone.Phone.SendAndGetFinalAsync(first);

        Assert.Equal(401, challenge.StatusCode);
    }

    [Fact]
    public async Task The_response_goes_back_to_the_source_port_and_the_Via_is_stamped()
    {
        await using var harness = await CoreHarness.StartAsync();
        var phone = harness.NewPhone();

        var challenge = await phone.Phone.SendAndGetFinalAsync(phone.Register(cseq: 1));

        var via = Assert.Single(challenge.Vias);
        Assert.Equal(phone.Phone.EndPoint.Port, via.RportValue);
        Assert.Equal("127.0.0.1", via.Received);
    }

    [Fact]
    public async Task The_MD5_challenge_can_be_answered_instead()
    {
        await using var harness = await CoreHarness.StartAsync();
        var phone = harness.NewPhone();
        var first = phone.Register(cseq: 1);
        var challenge = await phone.Phone.SendAndGetFinalAsync(first);

        var ok = await phone.Phone.SendAndGetFinalAsync(phone.Register(cseq: 2, authorization: phone.Authorize(challenge, first, DigestAlgorithm.Md5)));

        Assert.Equal(200, ok.StatusCode);
    }

    [Theory]
    [InlineData("1001", "wrong-password")]
    [InlineData("4242", "s3cret-1001")]
    public async Task A_wrong_password_or_an_unknown_user_is_forbidden_alike(string user, string password)
    {
        await using var harness = await CoreHarness.StartAsync();
        var phone = harness.NewPhone(user, password);
        var first = phone.Register(cseq: 1);
        var challenge = await phone.Phone.SendAndGetFinalAsync(first);

        var refused = await phone.Phone.SendAndGetFinalAsync(phone.Register(cseq: 2, authorization: phone.Authorize(challenge, first)));

        Assert.Equal((403, "Forbidden"), (refused.StatusCode, refused.ReasonPhrase));
        Assert.False(refused.Headers.Contains(KnownHeader.WwwAuthenticate));
        Assert.Equal(0, harness.Bindings.BindingCount);
        Assert.Equal(RequestAuthenticator.Rejected, harness.AuthOutcomes[^1]);
    }

    [Fact]
    public async Task A_malformed_Authorization_is_answered_400()
    {
        await using var harness = await CoreHarness.StartAsync();
        var phone = harness.NewPhone();

        var refused = await phone.Phone.SendAndGetFinalAsync(phone.Register(cseq: 1, authorization: "Digest username=\"1001\", nonce=\"x\""));

        Assert.Equal(400, refused.StatusCode);
        Assert.Equal("Bad Authorization header", refused.ReasonPhrase);
    }

    [Fact]
    public async Task A_stale_nonce_gets_a_stale_challenge_and_the_phone_recovers_without_a_new_password()
    {
        await using var harness = await CoreHarness.StartAsync();
        var phone = harness.NewPhone();
        var first = phone.Register(cseq: 1);
        var challenge = await phone.Phone.SendAndGetFinalAsync(first);
        harness.Time.Advance(TimeSpan.FromMinutes(6));

        var second = phone.Register(cseq: 2, authorization: phone.Authorize(challenge, first));
        var stale = await phone.Phone.SendAndGetFinalAsync(second);
        var third = phone.Register(cseq: 3, authorization: phone.Authorize(stale, second));
        var ok = await phone.Phone.SendAndGetFinalAsync(third);

        Assert.Equal(401, stale.StatusCode);
        Assert.Contains("stale=TRUE", stale.Headers[KnownHeader.WwwAuthenticate], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(RequestAuthenticator.StaleNonce, harness.AuthOutcomes[1]);
    }

    [Fact]
    public async Task An_agent_cannot_register_another_agents_extension()
    {
        await using var harness = await CoreHarness.StartAsync();
        var phone = harness.NewPhone("1001");
        var first = phone.Register(cseq: 1, toUser: "1002");
        var challenge = await phone.Phone.SendAndGetFinalAsync(first);

        var refused = await phone.Phone.SendAndGetFinalAsync(phone.Register(cseq: 2, toUser: "1002", authorization: phone.Authorize(challenge, first)));

        Assert.Equal(403, refused.StatusCode);
        Assert.Empty(harness.Bindings.Lookup("1002"));
        Assert.Equal(RequestAuthenticator.Authorized, harness.AuthOutcomes[^1]);
    }

    [Fact]
    public async Task Unregistering_removes_the_binding_and_raises_Unregistered()
    {
        await using var harness = await CoreHarness.StartAsync();
        var changes = new List<BindingChangeKind>();
        harness.Bindings.Changed += change => changes.Add(change.Kind);
        var phone = harness.NewPhone();
        Assert.Equal(200, (await phone.RegisterAsync(cseq: 1)).StatusCode);

        var removed = await phone.RegisterAsync(expires: "0", cseq: 3);

        Assert.Equal(200, removed.StatusCode);
        Assert.False(removed.Headers.Contains(KnownHeader.Contact));
        Assert.Empty(harness.Bindings.Lookup("1001"));
        Assert.Equal([BindingChangeKind.Registered, BindingChangeKind.Unregistered], changes);
    }

    [Fact]
    public async Task A_too_brief_registration_gets_423_with_Min_Expires_after_authentication()
    {
        await using var harness = await CoreHarness.StartAsync(registrar: new RegistrarOptions { MinExpiresSeconds = 120 });
        var phone = harness.NewPhone();

        var refused = await phone.RegisterAsync(expires: "30");

        Assert.Equal(423, refused.StatusCode);
        Assert.Equal("120", refused.Headers[KnownHeader.MinExpires]);
    }

    [Fact]
    public async Task A_retransmitted_REGISTER_gets_the_same_answer_without_being_processed_again()
    {
        await using var harness = await CoreHarness.StartAsync();
        var phone = harness.NewPhone();
        var first = phone.Register(cseq: 1);
        var challenge = await phone.Phone.SendAndGetFinalAsync(first);
        var second = phone.Register(cseq: 2, authorization: phone.Authorize(challenge, first));
        var ok = await phone.Phone.SendAndGetFinalAsync(second);

        phone.Phone.Send(second);
        var again = await phone.Phone.ReceiveResponseAsync();

        Assert.Equal(200, again.StatusCode);
        Assert.Equal(ok.To!.Tag, again.To!.Tag);
        Assert.Equal(2, harness.AuthOutcomes.Count);
    }

    /// <summary>The parts of a SipRemote a UDP binding is compared on (the connection id is 0 for UDP).</summary>
    private readonly record struct SipRemoteView(SipTransportKind Transport, IPEndPoint EndPoint);
}
