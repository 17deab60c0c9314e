namespace CallCenter.Auth.Tests;

public class DigestChallengeTests
{
    [Fact]
    public void Formats_a_full_challenge()
    {
        var challenge = new DigestChallenge("example.org", "abc")
        {
            Opaque = "xyz", Algorithm = DigestAlgorithm.Sha256, QopOptions = ["auth"], Stale = true,
        };

        Assert.Equal(
            "Digest realm=\"example.org\", nonce=\"abc\", opaque=\"xyz\", algorithm=SHA-256, qop=\"auth\", stale=TRUE",
            challenge.ToHeaderValue());
    }

    [Fact]
    public void Formats_a_minimal_challenge_with_explicit_algorithm()
    {
        var challenge = new DigestChallenge("re\"alm", "abc");

        Assert.Equal("Digest realm=\"re\\\"alm\", nonce=\"abc\", algorithm=MD5", challenge.ToHeaderValue());
    }

    [Fact]
    public void Formats_several_qop_options_without_spaces()
    {
        var challenge = new DigestChallenge("r", "n") { QopOptions = ["auth", "auth-int"], UserHash = true };

        Assert.Equal("Digest realm=\"r\", nonce=\"n\", algorithm=MD5, qop=\"auth,auth-int\", userhash=true", challenge.ToHeaderValue());
    }

    [Fact]
    public void Parses_the_rfc7616_challenge()
    {
        Assert.True(DigestChallenge.TryParse(RfcVectors.Rfc7616.Sha256Challenge, out DigestChallenge? challenge, out string error), error);

        Assert.Equal(RfcVectors.Rfc7616.Realm, challenge.Realm);
        Assert.Equal(RfcVectors.Rfc7616.Nonce, challenge.Nonce);
        Assert.Equal(RfcVectors.Rfc7616.Opaque, challenge.Opaque);
        Assert.Same(DigestAlgorithm.Sha256, challenge.Algorithm);
        Assert.Equal(["auth", "auth-int"], challenge.QopOptions);
        Assert.True(challenge.OffersQopAuth);
        Assert.False(challenge.Stale);
        Assert.False(challenge.UserHash);
    }

    [Fact]
    public void Parses_a_typical_sip_trunk_challenge()
    {
        const string header = "Digest realm=\"sip.carrier.net\",nonce=\"5f2a1b\",algorithm=MD5,qop=\"auth\",domain=\"sip:carrier.net\",charset=UTF-8";

        Assert.True(DigestChallenge.TryParse(header, out DigestChallenge? challenge, out string error), error);

        Assert.Equal(("sip.carrier.net", "5f2a1b"), (challenge.Realm, challenge.Nonce));
        Assert.Null(challenge.Opaque);
        Assert.Equal(["auth"], challenge.QopOptions);
    }

    [Theory]
    [InlineData("stale=TRUE", true)]
    [InlineData("stale=true", true)]
    [InlineData("stale=\"True\"", true)]
    [InlineData("stale=FALSE", false)]
    [InlineData("x=1", false)]
    public void Parses_the_stale_flag(string parameter, bool expected)
    {
        Assert.True(DigestChallenge.TryParse("Digest realm=\"r\", nonce=\"n\", " + parameter, out DigestChallenge? challenge, out string error), error);

        Assert.Equal(expected, challenge.Stale);
    }

    [Fact]
    public void Without_algorithm_or_qop_means_md5_and_the_rfc2069_form()
    {
        Assert.True(DigestChallenge.TryParse("Digest realm=\"r\", nonce=\"n\"", out DigestChallenge? challenge, out _));

        Assert.Same(DigestAlgorithm.Md5, challenge.Algorithm);
        Assert.Empty(challenge.QopOptions);
        Assert.False(challenge.OffersQopAuth);
    }

    [Theory]
    [InlineData(null, "header value is missing")]
    [InlineData("Basic realm=\"r\"", "unsupported authentication scheme 'Basic'")]
    [InlineData("Digest nonce=\"n\"", "missing required parameter 'realm'")]
    [InlineData("Digest realm=\"r\"", "missing required parameter 'nonce'")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", realm=\"s\"", "duplicate parameter 'realm'")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256", "unsupported algorithm 'SHA-512-256'")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", qop=\"auth;x\"", "parameter 'qop' must be a comma-separated list of tokens")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", qop=\" , \"", "parameter 'qop' lists no values")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", stale=yes", "parameter 'stale' must be 'true' or 'false'")]
    [InlineData("Digest realm=\"r\" nonce=\"n\"", "expected ',' between parameters")]
    [InlineData("Digest realm=\"r", "unterminated quoted string in parameter 'realm'")]
    public void Reports_errors(string? header, string expectedError)
    {
        Assert.False(DigestChallenge.TryParse(header, out DigestChallenge? challenge, out string error));

        Assert.Null(challenge);
        Assert.Contains(expectedError, error);
    }

    [Fact]
    public void Formatted_challenges_parse_back_to_the_same_values()
    {
        var original = new DigestChallenge("r\\e\"alm", "n/+=") { Opaque = "o", Algorithm = DigestAlgorithm.Sha256Sess, QopOptions = ["auth"], Stale = true, UserHash = true };

        Assert.True(DigestChallenge.TryParse(original.ToHeaderValue(), out DigestChallenge? parsed, out string error), error);

        Assert.Equal(
            (original.Realm, original.Nonce, original.Opaque, original.Algorithm, original.Stale, original.UserHash),
            (parsed.Realm, parsed.Nonce, parsed.Opaque, parsed.Algorithm, parsed.Stale, parsed.UserHash));
        Assert.Equal(original.QopOptions, parsed.QopOptions);
    }

    [Fact]
    public void Refuses_values_that_would_inject_header_lines()
    {
        Assert.Throws<ArgumentException>(() => new DigestChallenge("r\r\nX: y", "n"));
        Assert.Throws<ArgumentException>(() => new DigestChallenge("r", "n") { QopOptions = ["auth\""] });
    }
}
