using CallCenter.Auth;
using CallCenter.Sip.Core;
using CallCenter.Sip.Message;
using FsCheck.Xunit;

namespace CallCenter.Sip.Tests.Trunks;

/// <summary>Answering a provider's 401/407 (RFC 3261 §22.2, §22.3; RFC 7616, RFC 8760), checked against fixed vectors.</summary>
public sealed class TrunkChallengeResponderTests
{
    private static readonly UacCredentials Credentials = new("trunkuser", DigestSecret.FromPassword("s3cret"), null);

    [Fact]
    public void A_401_without_qop_is_answered_in_Authorization_with_the_RFC_2069_digest()
    {
        var register = new SipRequest(SipMethods.Register, SipUri.Parse("sip:provider.test"));
        var challenge = Challenge(401, "WWW-Authenticate", "Digest realm=\"provider.test\", nonce=\"abc123\", algorithm=MD5");

        Assert.True(Responder().TryAnswer(register, challenge, Credentials, out var answer, out var error), error);

        Assert.Equal(KnownHeader.Authorization, answer.Header);
        Assert.True(DigestCredentials.TryParse(answer.Value, out var sent, out _));
        // MD5(MD5("trunkuser:provider.test:s3cret") ":abc123:" MD5("REGISTER:sip:provider.test")), computed independently.
        Assert.Equal("a9abb3a5d8f699704bb095b6335a755d", sent.Response);
        Assert.Equal(("trunkuser", "provider.test", "abc123", "sip:provider.test"), (sent.Username, sent.Realm, sent.Nonce, sent.Uri));
        Assert.Null(sent.Qop);
    }

    [Fact]
    public void A_407_with_SHA_256_is_answered_in_Proxy_Authorization()
    {
        var invite = new SipRequest(SipMethods.Invite, SipUri.Parse("sip:+6391712345678@provider.test"));
        var challenge = Challenge(407, "Proxy-Authenticate", "Digest realm=\"provider.test\", nonce=\"n0nce-7\", algorithm=SHA-256");

        Assert.True(Responder().TryAnswer(invite, challenge, Credentials, out var answer, out var error), error);

        Assert.Equal(KnownHeader.ProxyAuthorization, answer.Header);
        Assert.True(DigestCredentials.TryParse(answer.Value, out var sent, out _));
        Assert.Equal(DigestAlgorithm.Sha256, sent.Algorithm);
        Assert.Equal("1936f5d372bee2eb5d4692d2c2f1ad6fedcd9c1ac838ccf91f82f1c5ae64716c", sent.Response);
    }

    [Fact]
    public void With_qop_auth_the_answer_carries_cnonce_and_a_nonce_count_that_the_digest_covers()
    {
        var register = new SipRequest(SipMethods.Register, SipUri.Parse("sip:provider.test"));
        var challenge = Challenge(401, "WWW-Authenticate", "Digest realm=\"provider.test\", nonce=\"q1\", qop=\"auth\", opaque=\"op\"");
        var responder = Responder();

        Assert.True(responder.TryAnswer(register, challenge, Credentials, out var first, out _));
        Assert.True(responder.TryAnswer(register, challenge, Credentials, out var second, out _));

        Assert.True(DigestCredentials.TryParse(first.Value, out var sent, out _));
        Assert.Equal(("auth", "00000001", "op"), (sent.Qop, sent.NonceCount, sent.Opaque));
        Assert.True(DigestCredentials.TryParse(second.Value, out var again, out _));
        Assert.Equal("00000002", again.NonceCount);
        var expected = DigestCalculator.ComputeResponse(
            DigestAlgorithm.Md5,
            DigestSecret.FromPassword("s3cret"),
            new DigestResponseParameters("REGISTER", "sip:provider.test", "trunkuser", "provider.test", "q1", sent.Cnonce, "00000001", "auth"));
        Assert.Equal(expected, sent.Response);
    }

    [Fact]
    public void The_first_answerable_challenge_wins_and_a_foreign_realm_is_not_answered()
    {
        var register = new SipRequest(SipMethods.Register, SipUri.Parse("sip:provider.test"));
        var challenge = Challenge(401, "WWW-Authenticate", "Digest realm=\"other\", nonce=\"x\"");
        challenge.Headers.Add(KnownHeader.WwwAuthenticate, "Digest realm=\"provider.test\", nonce=\"y\"");
        var realmBound = Credentials with { Realm = "provider.test" };

        Assert.True(Responder().TryAnswer(register, challenge, realmBound, out var answer, out _));
        Assert.Equal("provider.test", answer.Realm);

        var onlyForeign = Challenge(401, "WWW-Authenticate", "Digest realm=\"other\", nonce=\"x\"");
        Assert.False(Responder().TryAnswer(register, onlyForeign, realmBound, out _, out var error));
        Assert.Contains("realm", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_HA1_skips_a_SHA_256_challenge_for_the_MD5_one()
    {
        var register = new SipRequest(SipMethods.Register, SipUri.Parse("sip:provider.test"));
        var challenge = Challenge(401, "WWW-Authenticate", "Digest realm=\"provider.test\", nonce=\"a\", algorithm=SHA-256");
        challenge.Headers.Add(KnownHeader.WwwAuthenticate, "Digest realm=\"provider.test\", nonce=\"b\", algorithm=MD5");
        var ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "trunkuser", "provider.test", "s3cret");
        var hashed = new UacCredentials("trunkuser", DigestSecret.FromHa1(ha1), "provider.test");

        Assert.True(Responder().TryAnswer(register, challenge, hashed, out var answer, out var error), error);

        Assert.True(DigestCredentials.TryParse(answer.Value, out var sent, out _));
        Assert.Equal(("b", DigestAlgorithm.Md5), (sent.Nonce, sent.Algorithm));
    }

    [Theory]
    [InlineData(403, "WWW-Authenticate")]
    [InlineData(401, "Proxy-Authenticate")]
    [InlineData(407, "WWW-Authenticate")]
    public void A_response_without_the_matching_challenge_is_not_answered(int status, string header)
    {
        var register = new SipRequest(SipMethods.Register, SipUri.Parse("sip:provider.test"));
        var response = Challenge(status, header, "Digest realm=\"provider.test\", nonce=\"n\"");

        Assert.False(Responder().TryAnswer(register, response, Credentials, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Property(MaxTest = 1000)]
    public void Any_challenge_text_is_answered_or_refused_without_throwing(string? text, bool proxy)
    {
        var register = new SipRequest(SipMethods.Register, SipUri.Parse("sip:provider.test"));
        var response = Challenge(proxy ? 407 : 401, proxy ? "Proxy-Authenticate" : "WWW-Authenticate", text ?? string.Empty);

        var answered = Responder().TryAnswer(register, response, Credentials, out var answer, out var error);

        Assert.True(answered ? answer is not null : error.Length > 0);
    }

    private static UacChallengeResponder Responder() => new(new DigestClient());

    private static SipResponse Challenge(int status, string header, string value)
    {
        var response = new SipResponse(status);
        response.Headers.Add(header, value);
        return response;
    }
}
