using CallCenter.Auth;
using CallCenter.Sip.Core;
using CallCenter.Sip.Message;
using CallCenter.Sip.Tests.Core.Support;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Sip.Tests.Core;

/// <summary>Digest authentication of requests to the UAS (RFC 3261 §22.2–§22.4, RFC 7616, RFC 8760).</summary>
public sealed class RequestAuthenticatorTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly DigestServer _server;
    private readonly RequestAuthenticator _authenticator;
    private readonly Softphone _phone = new(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 5060), "1001", "s3cret-1001");

    public RequestAuthenticatorTests()
    {
        _server = new DigestServer(new DigestServerOptions { Realm = CoreHarness.Domain, NonceLifetime = TimeSpan.FromSeconds(300) }, _time);
        _authenticator = new RequestAuthenticator(_server, new Agents());
    }

    [Fact]
    public void A_request_without_credentials_is_challenged_with_every_algorithm_preferred_first()
    {
        var decision = _authenticator.Authenticate(_phone.Register(1), "srv-tag");

        Assert.False(decision.IsAuthorized);
        Assert.Equal(RequestAuthenticator.Challenged, decision.Outcome);
        var response = decision.Response!;
        Assert.Equal(401, response.StatusCode);
        Assert.Equal("srv-tag", response.To!.Tag);
        var challenges = response.Headers.ValuesOf(KnownHeader.WwwAuthenticate)
            .Select(v => DigestChallenge.TryParse(v, out var c, out _) ? c : null).ToList();
        Assert.Equal([DigestAlgorithm.Sha256, DigestAlgorithm.Md5], challenges.Select(c => c!.Algorithm));
        Assert.All(challenges, c => Assert.Equal(CoreHarness.Domain, c!.Realm));
        Assert.All(challenges, c => Assert.True(c!.OffersQopAuth));
        Assert.All(challenges, c => Assert.False(c!.Stale));
        Assert.Single(challenges.Select(c => c!.Nonce).Distinct());
    }

    [Theory]
    [InlineData("SHA-256")]
    [InlineData("MD5")]
    public void The_right_password_authorizes_as_the_digest_user(string algorithm)
    {
        var register = _phone.Register(2);
        register.Headers.Add(KnownHeader.Authorization, _phone.Authorize(Challenge(), register, Algorithm(algorithm)));

        var decision = _authenticator.Authenticate(register, "t");

        Assert.True(decision.IsAuthorized);
        Assert.Equal("1001", decision.Username);
        Assert.Null(decision.Response);
        Assert.Equal(RequestAuthenticator.Authorized, decision.Outcome);
    }

    [Fact]
    public void A_wrong_password_and_an_unknown_user_get_the_same_403()
    {
        var wrong = _phone.Register(2);
        wrong.Headers.Add(KnownHeader.Authorization, _phone.Authorize(Challenge(), wrong, password: "guess"));
        var unknown = _phone.Register(2);
        unknown.Headers.Add(KnownHeader.Authorization, _phone.Authorize(Challenge(), unknown, user: "7777", password: "guess"));

        var wrongDecision = _authenticator.Authenticate(wrong, "t");
        var unknownDecision = _authenticator.Authenticate(unknown, "t");

        Assert.Equal((403, "Forbidden", RequestAuthenticator.Rejected), (wrongDecision.Response!.StatusCode, wrongDecision.Response.ReasonPhrase, wrongDecision.Outcome));
        Assert.Equal((403, "Forbidden", RequestAuthenticator.Rejected), (unknownDecision.Response!.StatusCode, unknownDecision.Response.ReasonPhrase, unknownDecision.Outcome));
        Assert.False(wrongDecision.Response.Headers.Contains(KnownHeader.WwwAuthenticate));
        Assert.False(unknownDecision.Response.Headers.Contains(KnownHeader.WwwAuthenticate));
    }

    [Fact]
    public void An_expired_nonce_with_the_right_password_gets_a_stale_challenge()
    {
        var challenge = Challenge();
        _time.Advance(TimeSpan.FromSeconds(301));
        var register = _phone.Register(2);
        register.Headers.Add(KnownHeader.Authorization, _phone.Authorize(challenge, register));

        var decision = _authenticator.Authenticate(register, "t");

        Assert.Equal(RequestAuthenticator.StaleNonce, decision.Outcome);
        Assert.Equal(401, decision.Response!.StatusCode);
        Assert.All(decision.Response.Headers.ValuesOf(KnownHeader.WwwAuthenticate), v =>
        {
            Assert.True(DigestChallenge.TryParse(v, out var c, out _));
            Assert.True(c!.Stale);
        });
    }

    [Fact]
    public void An_expired_nonce_with_a_wrong_password_is_still_forbidden()
    {
        var challenge = Challenge();
        _time.Advance(TimeSpan.FromSeconds(301));
        var register = _phone.Register(2);
        register.Headers.Add(KnownHeader.Authorization, _phone.Authorize(challenge, register, password: "guess"));

        Assert.Equal(403, _authenticator.Authenticate(register, "t").Response!.StatusCode);
    }

    [Theory]
    [InlineData("Digest username=\"1001\", realm=\"callcenter.test\"")]
    [InlineData("Digest username=\"1001\" realm")]
    [InlineData("Digest ,,,,")]
    public void An_unparseable_Authorization_gets_400_with_a_fixed_reason(string header)
    {
        var register = _phone.Register(2, authorization: header);

        var decision = _authenticator.Authenticate(register, "t");

        Assert.Equal(RequestAuthenticator.Malformed, decision.Outcome);
        Assert.Equal(400, decision.Response!.StatusCode);
        Assert.Equal("Bad Authorization header", decision.Response.ReasonPhrase);
    }

    [Theory]
    [InlineData("Basic MTAwMTpzM2NyZXQtMTAwMQ==")]
    [InlineData("Bearer eyJhbGciOi")]
    public void Credentials_in_another_scheme_get_a_digest_challenge(string header)
    {
        var decision = _authenticator.Authenticate(_phone.Register(2, authorization: header), "t");

        Assert.Equal(401, decision.Response!.StatusCode);
        Assert.Equal(RequestAuthenticator.Challenged, decision.Outcome);
    }

    [Fact]
    public void Credentials_for_another_realm_get_a_fresh_challenge_not_a_403()
    {
        var foreign = new DigestServer(new DigestServerOptions { Realm = "elsewhere.example" }, _time);
        var register = _phone.Register(2);
        var foreignChallenge = ResponseFactory.Create(register, 401);
        foreignChallenge.Headers.Add(KnownHeader.WwwAuthenticate, foreign.CreateChallenges()[0]);
        register.Headers.Add(KnownHeader.Authorization, _phone.Authorize(foreignChallenge, register));

        var decision = _authenticator.Authenticate(register, "t");

        Assert.Equal((401, RequestAuthenticator.Challenged), (decision.Response!.StatusCode, decision.Outcome));
    }

    [Fact]
    public void A_replayed_Authorization_is_not_accepted_twice()
    {
        var first = _phone.Register(2);
        var authorization = _phone.Authorize(Challenge(), first);
        first.Headers.Add(KnownHeader.Authorization, authorization);
        var replay = _phone.Register(3, authorization: authorization);

        Assert.True(_authenticator.Authenticate(first, "t").IsAuthorized);
        var decision = _authenticator.Authenticate(replay, "t");

        Assert.False(decision.IsAuthorized);
        Assert.Equal(401, decision.Response!.StatusCode);
    }

    [Fact]
    public void The_next_nonce_count_on_the_same_nonce_is_accepted()
    {
        var challenge = Challenge();
        var first = _phone.Register(2);
        first.Headers.Add(KnownHeader.Authorization, _phone.Authorize(challenge, first));
        var second = _phone.Register(3);
        second.Headers.Add(KnownHeader.Authorization, _phone.Authorize(challenge, second));

        Assert.True(_authenticator.Authenticate(first, "t").IsAuthorized);
        Assert.True(_authenticator.Authenticate(second, "t").IsAuthorized);
    }

    [Fact]
    public void Credentials_computed_for_another_Request_URI_are_refused_with_400()
    {
        var register = _phone.Register(2);
        register.Headers.Add(KnownHeader.Authorization, _phone.Authorize(Challenge(), register, digestUri: "sip:other.example"));

        var decision = _authenticator.Authenticate(register, "t");

        Assert.False(decision.IsAuthorized);
        Assert.Equal(400, decision.Response!.StatusCode);
        Assert.Equal(RequestAuthenticator.Malformed, decision.Outcome);
    }

    [Fact]
    public void A_digest_uri_equivalent_to_the_Request_URI_is_accepted()
    {
        var register = _phone.Register(2);
        register.Headers.Add(KnownHeader.Authorization, _phone.Authorize(Challenge(), register, digestUri: "sip:CallCenter.TEST"));

        Assert.True(_authenticator.Authenticate(register, "t").IsAuthorized);
    }

    [Fact]
    public void An_INVITE_is_authenticated_with_its_own_method()
    {
        var invite = _phone.Invite();
        var challenge = _authenticator.Authenticate(invite, "t").Response!;
        var retry = _phone.Invite(cseq: 2, authorization: _phone.Authorize(challenge, invite));
        var asRegister = _phone.Invite(cseq: 3, authorization: new DigestClient().CreateAuthorization(
            DigestChallenge.TryParse(challenge.Headers[KnownHeader.WwwAuthenticate], out var c, out _) ? c : null!,
            "1001", "s3cret-1001", "REGISTER", invite.RequestUriText));

        Assert.True(_authenticator.Authenticate(retry, "t").IsAuthorized);
        Assert.Equal(403, _authenticator.Authenticate(asRegister, "t").Response!.StatusCode);
    }

    public void Dispose() => _phone.Dispose();

    private static DigestAlgorithm Algorithm(string name) =>
        DigestAlgorithm.TryParse(name, out var algorithm) ? algorithm : throw new ArgumentException(name);

    private SipResponse Challenge() => _authenticator.Authenticate(_phone.Register(1), "t").Response!;

    private sealed class Agents : ISipCredentialStore
    {
        public DigestSecret? Find(string username) =>
            CoreHarness.Agents.TryGetValue(username, out var password) ? DigestSecret.FromPassword(password) : null;
    }
}
