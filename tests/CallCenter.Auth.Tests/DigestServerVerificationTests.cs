namespace CallCenter.Auth.Tests;

public class DigestServerVerificationTests : DigestServerTestBase
{
    [Theory]
    [InlineData("MD5")]
    [InlineData("MD5-sess")]
    [InlineData("SHA-256")]
    [InlineData("SHA-256-sess")]
    public void Register_round_trip_authorizes(string algorithmName)
    {
        DigestAlgorithm.TryParse(algorithmName, out DigestAlgorithm? algorithm);
        DigestServer server = CreateServer(new DigestServerOptions { Realm = Realm, Algorithms = [algorithm!] });

        string authorization = Answer(server, "alice", "wonderland");
        DigestVerification verification = server.Verify(authorization, "REGISTER", Lookup);

        Assert.Equal(DigestVerificationOutcome.Authorized, verification.Outcome);
        Assert.True(verification.IsAuthorized);
        Assert.Equal("alice", verification.Username);
        Assert.Equal(RegistrarUri, verification.DigestUri);
        Assert.Null(verification.Reason);
        Assert.Same(algorithm, verification.Credentials!.Algorithm);
    }

    [Fact]
    public void Default_server_is_answered_with_sha256()
    {
        DigestServer server = CreateServer();

        DigestVerification verification = server.Verify(Answer(server, "alice", "wonderland"), "REGISTER", Lookup);

        Assert.True(verification.IsAuthorized);
        Assert.Same(DigestAlgorithm.Sha256, verification.Credentials!.Algorithm);
    }

    [Fact]
    public void Credentials_for_another_realm_are_rejected()
    {
        DigestServer server = CreateServer();
        DigestChallenge ours = Parse(server.CreateChallenges()[0]);
        var otherRealm = new DigestChallenge("evil.example", ours.Nonce) { Algorithm = ours.Algorithm, QopOptions = ours.QopOptions };

        DigestVerification verification = server.Verify(
            Client.CreateAuthorization(otherRealm, "alice", "wonderland", "REGISTER", RegistrarUri), "REGISTER", Lookup);

        Assert.Equal(DigestVerificationOutcome.Rejected, verification.Outcome);
        Assert.Equal("realm 'evil.example' is not ours", verification.Reason);
    }

    [Fact]
    public void Wrong_password_and_unknown_user_are_indistinguishable()
    {
        DigestServer server = CreateServer();

        DigestVerification wrongPassword = server.Verify(Answer(server, "alice", "not-wonderland"), "REGISTER", Lookup);
        DigestVerification unknownUser = server.Verify(Answer(server, "mallory", "wonderland"), "REGISTER", Lookup);

        Assert.Equal(DigestVerificationOutcome.Rejected, wrongPassword.Outcome);
        Assert.Equal(wrongPassword.Outcome, unknownUser.Outcome);
        Assert.Equal(wrongPassword.Reason, unknownUser.Reason);
        Assert.Equal(DigestServer.BadCredentialsReason, unknownUser.Reason);
    }

    [Fact]
    public void The_unknown_user_decoy_password_does_not_authorize()
    {
        DigestServer server = CreateServer();

        DigestVerification verification = server.Verify(
            Answer(server, "mallory", "decoy-secret-for-unknown-users"), "REGISTER", Lookup);

        Assert.Equal(DigestVerificationOutcome.Rejected, verification.Outcome);
    }

    [Fact]
    public void A_stored_ha1_authorizes()
    {
        DigestServer server = CreateServer();

        DigestVerification verification = server.Verify(Answer(server, "bob", "builder"), "REGISTER", Lookup);

        Assert.True(verification.IsAuthorized, verification.ToString());
        Assert.Equal("bob", verification.Username);
    }

    [Fact]
    public void A_stored_ha1_of_another_hash_function_cannot_authorize()
    {
        DigestServer server = CreateServer();

        DigestVerification sha256 = server.Verify(Answer(server, "carol", "singer"), "REGISTER", Lookup);
        DigestServer md5Only = CreateServer(new DigestServerOptions { Realm = Realm, Algorithms = [DigestAlgorithm.Md5] });
        DigestVerification md5 = md5Only.Verify(Answer(md5Only, "carol", "singer"), "REGISTER", Lookup);

        Assert.Equal(DigestVerificationOutcome.Rejected, sha256.Outcome);
        Assert.Contains("stored HA1", sha256.Reason);
        Assert.True(md5.IsAuthorized);
    }

    [Fact]
    public void An_algorithm_that_was_not_offered_is_rejected()
    {
        DigestServer server = CreateServer(new DigestServerOptions { Realm = Realm, Algorithms = [DigestAlgorithm.Sha256] });
        DigestChallenge offered = Parse(server.CreateChallenges()[0]);
        var downgraded = new DigestChallenge(Realm, offered.Nonce) { Algorithm = DigestAlgorithm.Md5, QopOptions = ["auth"] };

        DigestVerification verification = server.Verify(
            Client.CreateAuthorization(downgraded, "alice", "wonderland", "REGISTER", RegistrarUri), "REGISTER", Lookup);

        Assert.Equal(DigestVerificationOutcome.Rejected, verification.Outcome);
        Assert.Equal("algorithm MD5 was not offered", verification.Reason);
    }

    [Fact]
    public void The_method_is_covered_by_the_digest()
    {
        DigestServer server = CreateServer();

        DigestVerification verification = server.Verify(Answer(server, "alice", "wonderland", method: "INVITE"), "REGISTER", Lookup);

        Assert.Equal(DigestVerificationOutcome.Rejected, verification.Outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t")]
    public void No_header_means_missing(string? header)
    {
        DigestVerification verification = CreateServer().Verify(header, "REGISTER", Lookup);

        Assert.Equal(DigestVerificationOutcome.Missing, verification.Outcome);
        Assert.Null(verification.Credentials);
    }

    [Fact]
    public void An_unparsable_header_is_malformed_with_the_parser_error()
    {
        DigestVerification verification = CreateServer().Verify("Digest username=\"alice\", realm=", "REGISTER", Lookup);

        Assert.Equal(DigestVerificationOutcome.Malformed, verification.Outcome);
        Assert.Equal("missing value for parameter 'realm'", verification.Reason);
    }

    [Fact]
    public void A_response_of_the_wrong_length_is_malformed()
    {
        DigestServer server = CreateServer();
        DigestCredentials answer = ParseCredentials(Answer(server, "alice", "wonderland"));
        DigestCredentials truncated = CopyWith(answer, response: answer.Response[..32]);

        DigestVerification verification = server.Verify(truncated.ToHeaderValue(), "REGISTER", Lookup);

        Assert.Equal(DigestVerificationOutcome.Malformed, verification.Outcome);
        Assert.Equal("response must be 64 hex digits for SHA-256", verification.Reason);
    }

    [Fact]
    public void Leaving_out_the_offered_qop_is_rejected()
    {
        DigestServer server = CreateServer();
        DigestChallenge offered = Parse(server.CreateChallenges()[0]);
        var withoutQop = new DigestChallenge(Realm, offered.Nonce) { Algorithm = offered.Algorithm };

        DigestVerification verification = server.Verify(
            Client.CreateAuthorization(withoutQop, "alice", "wonderland", "REGISTER", RegistrarUri), "REGISTER", Lookup);

        Assert.Equal(DigestVerificationOutcome.Rejected, verification.Outcome);
        Assert.Equal("qop=auth was offered but the response has none", verification.Reason);
    }

    [Fact]
    public void A_qop_that_was_not_offered_is_rejected()
    {
        DigestServer server = CreateServer();
        DigestCredentials answer = ParseCredentials(Answer(server, "alice", "wonderland"));

        DigestVerification verification = server.Verify(CopyWith(answer, qop: "auth-int").ToHeaderValue(), "REGISTER", Lookup);

        Assert.Equal(DigestVerificationOutcome.Rejected, verification.Outcome);
        Assert.Equal("qop 'auth-int' was not offered", verification.Reason);
    }

    [Fact]
    public void Without_qop_the_rfc2069_form_authorizes()
    {
        DigestServer server = CreateServer(new DigestServerOptions { Realm = Realm, OfferQop = false });
        Assert.All(server.CreateChallenges(), header => Assert.DoesNotContain("qop", header));

        DigestVerification verification = server.Verify(Answer(server, "alice", "wonderland"), "REGISTER", Lookup);

        Assert.True(verification.IsAuthorized, verification.ToString());
        Assert.Null(verification.Credentials!.Qop);
    }

    [Fact]
    public void The_configured_opaque_must_be_echoed()
    {
        DigestServer server = CreateServer(new DigestServerOptions { Realm = Realm, Opaque = "session-1" });
        DigestCredentials answer = ParseCredentials(Answer(server, "alice", "wonderland"));
        DigestCredentials altered = CopyWith(answer, opaque: "session-2");

        Assert.Equal("session-1", answer.Opaque);
        Assert.True(server.Verify(answer.ToHeaderValue(), "REGISTER", Lookup).IsAuthorized);
        DigestVerification verification = server.Verify(altered.ToHeaderValue(), "REGISTER", Lookup);
        Assert.Equal(DigestVerificationOutcome.Rejected, verification.Outcome);
        Assert.Equal("opaque does not match the challenge", verification.Reason);
    }

    [Fact]
    public void Hashed_usernames_were_not_offered_and_are_rejected()
    {
        DigestServer server = CreateServer();
        DigestChallenge offered = Parse(server.CreateChallenges()[0]);
        var withUserHash = new DigestChallenge(Realm, offered.Nonce) { Algorithm = offered.Algorithm, QopOptions = ["auth"], UserHash = true };

        DigestVerification verification = server.Verify(
            Client.CreateAuthorization(withUserHash, "alice", "wonderland", "REGISTER", RegistrarUri), "REGISTER", Lookup);

        Assert.Equal(DigestVerificationOutcome.Rejected, verification.Outcome);
        Assert.Equal("userhash was not offered", verification.Reason);
    }

    [Fact]
    public void The_lookup_gets_username_realm_and_algorithm()
    {
        DigestServer server = CreateServer();
        var calls = new List<(string, string, DigestAlgorithm)>();

        server.Verify(Answer(server, "alice", "wonderland"), "REGISTER", (username, realm, algorithm) =>
        {
            calls.Add((username, realm, algorithm));
            return DigestSecret.FromPassword("wonderland");
        });

        Assert.Equal([("alice", Realm, DigestAlgorithm.Sha256)], calls);
    }
}
