namespace CallCenter.Auth.Tests;

public class DigestServerNonceTests : DigestServerTestBase
{
    [Fact]
    public void A_nonce_can_be_reused_with_increasing_counts()
    {
        DigestServer server = CreateServer();
        Assert.True(DigestClient.TrySelectChallenge(server.CreateChallenges(), out DigestChallenge? challenge, out _));

        for (int i = 1; i <= 3; i++)
        {
            string authorization = Client.CreateAuthorization(challenge, "alice", "wonderland", "REGISTER", RegistrarUri);
            DigestVerification verification = server.Verify(authorization, "REGISTER", Lookup);
            Assert.True(verification.IsAuthorized, verification.ToString());
            Assert.Equal((uint)i, verification.Credentials!.NonceCountValue);
        }
    }

    [Fact]
    public void A_replayed_request_is_rejected()
    {
        DigestServer server = CreateServer();
        string authorization = Answer(server, "alice", "wonderland");
        Assert.True(server.Verify(authorization, "REGISTER", Lookup).IsAuthorized);

        DigestVerification replay = server.Verify(authorization, "REGISTER", Lookup);

        Assert.Equal(DigestVerificationOutcome.Rejected, replay.Outcome);
        Assert.Contains("replay", replay.Reason);
        Assert.Null(replay.Username);
    }

    [Fact]
    public void Replays_pass_when_replay_protection_is_off()
    {
        DigestServer server = CreateServer(new DigestServerOptions { Realm = Realm, ReplayProtection = false });
        string authorization = Answer(server, "alice", "wonderland");

        Assert.True(server.Verify(authorization, "REGISTER", Lookup).IsAuthorized);
        Assert.True(server.Verify(authorization, "REGISTER", Lookup).IsAuthorized);
    }

    [Fact]
    public void An_expired_nonce_with_the_right_password_is_stale()
    {
        DigestServer server = CreateServer();
        string authorization = Answer(server, "alice", "wonderland");

        Clock.Advance(TimeSpan.FromSeconds(301));
        DigestVerification verification = server.Verify(authorization, "REGISTER", Lookup);

        Assert.Equal(DigestVerificationOutcome.Stale, verification.Outcome);
        Assert.Null(verification.Username);
    }

    [Fact]
    public void An_expired_nonce_with_a_wrong_password_is_rejected_not_stale()
    {
        DigestServer server = CreateServer();
        string authorization = Answer(server, "alice", "guess");

        Clock.Advance(TimeSpan.FromSeconds(301));
        DigestVerification verification = server.Verify(authorization, "REGISTER", Lookup);

        Assert.Equal(DigestVerificationOutcome.Rejected, verification.Outcome);
        Assert.Equal(DigestServer.BadCredentialsReason, verification.Reason);
    }

    [Fact]
    public void Nonce_lifetime_is_configurable()
    {
        DigestServer server = CreateServer(new DigestServerOptions { Realm = Realm, NonceLifetime = TimeSpan.FromSeconds(10) });
        string authorization = Answer(server, "alice", "wonderland");

        Clock.Advance(TimeSpan.FromSeconds(11));

        Assert.Equal(DigestVerificationOutcome.Stale, server.Verify(authorization, "REGISTER", Lookup).Outcome);
    }

    [Fact]
    public void A_forged_nonce_is_rejected()
    {
        DigestServer server = CreateServer();
        var forged = new DigestChallenge(Realm, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
        {
            Algorithm = DigestAlgorithm.Sha256, QopOptions = ["auth"],
        };

        DigestVerification verification = server.Verify(
            Client.CreateAuthorization(forged, "alice", "wonderland", "REGISTER", RegistrarUri), "REGISTER", Lookup);

        Assert.Equal(DigestVerificationOutcome.Rejected, verification.Outcome);
        Assert.Equal("nonce was not issued by this server", verification.Reason);
    }

    [Fact]
    public void A_nonce_from_another_server_is_rejected()
    {
        DigestServer ours = CreateServer();
        DigestServer theirs = CreateServer();

        DigestVerification verification = ours.Verify(Answer(theirs, "alice", "wonderland"), "REGISTER", Lookup);

        Assert.Equal(DigestVerificationOutcome.Rejected, verification.Outcome);
        Assert.Equal("nonce was not issued by this server", verification.Reason);
    }

    [Fact]
    public void A_shared_nonce_key_survives_a_restart()
    {
        byte[] key = Enumerable.Repeat((byte)7, 32).ToArray();
        DigestServer before = CreateServer(new DigestServerOptions { Realm = Realm, NonceKey = key });
        DigestServer after = CreateServer(new DigestServerOptions { Realm = Realm, NonceKey = key });

        Assert.True(after.Verify(Answer(before, "alice", "wonderland"), "REGISTER", Lookup).IsAuthorized);
    }

    [Fact]
    public void A_nonce_dropped_from_replay_tracking_is_stale()
    {
        DigestServer server = CreateServer(new DigestServerOptions { Realm = Realm, MaxTrackedNonces = 1 });
        Assert.True(DigestClient.TrySelectChallenge(server.CreateChallenges(), out DigestChallenge? early, out _));
        Assert.True(server.Verify(Client.CreateAuthorization(early, "alice", "wonderland", "REGISTER", RegistrarUri), "REGISTER", Lookup).IsAuthorized);
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(server.Verify(Answer(server, "alice", "wonderland"), "REGISTER", Lookup).IsAuthorized);

        DigestVerification verification = server.Verify(
            Client.CreateAuthorization(early, "alice", "wonderland", "REGISTER", RegistrarUri), "REGISTER", Lookup);

        Assert.Equal(DigestVerificationOutcome.Stale, verification.Outcome);
    }
}
