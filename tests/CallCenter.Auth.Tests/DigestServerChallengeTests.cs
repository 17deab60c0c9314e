namespace CallCenter.Auth.Tests;

public class DigestServerChallengeTests : DigestServerTestBase
{
    [Fact]
    public void Challenges_offer_sha256_then_md5_sharing_one_nonce()
    {
        DigestServer server = CreateServer();

        IReadOnlyList<string> challenges = server.CreateChallenges();

        Assert.Equal(2, challenges.Count);
        DigestChallenge first = Parse(challenges[0]);
        DigestChallenge second = Parse(challenges[1]);
        Assert.Same(DigestAlgorithm.Sha256, first.Algorithm);
        Assert.Same(DigestAlgorithm.Md5, second.Algorithm);
        Assert.Equal(first.Nonce, second.Nonce);
        Assert.All(new[] { first, second }, challenge =>
        {
            Assert.Equal(Realm, challenge.Realm);
            Assert.Equal(["auth"], challenge.QopOptions);
            Assert.False(challenge.Stale);
            Assert.Null(challenge.Opaque);
        });
        Assert.Equal($"Digest realm=\"{Realm}\", nonce=\"{first.Nonce}\", algorithm=SHA-256, qop=\"auth\"", challenges[0]);
    }

    [Fact]
    public void Stale_challenges_say_so_and_carry_a_new_nonce()
    {
        DigestServer server = CreateServer();

        IReadOnlyList<string> plain = server.CreateChallenges();
        IReadOnlyList<string> stale = server.CreateChallenges(stale: true);

        Assert.All(stale, header => Assert.True(Parse(header).Stale));
        Assert.All(stale, header => Assert.EndsWith(", stale=TRUE", header));
        Assert.NotEqual(Parse(plain[0]).Nonce, Parse(stale[0]).Nonce);
    }

    [Fact]
    public void Offers_the_configured_algorithms_in_order()
    {
        DigestServer server = CreateServer(new DigestServerOptions
        {
            Realm = Realm, Algorithms = [DigestAlgorithm.Md5, DigestAlgorithm.Sha256Sess, DigestAlgorithm.Sha256], Opaque = "op",
        });

        DigestAlgorithm[] offered = server.CreateChallenges().Select(header => Parse(header).Algorithm).ToArray();

        Assert.Equal([DigestAlgorithm.Md5, DigestAlgorithm.Sha256Sess, DigestAlgorithm.Sha256], offered);
        Assert.All(server.CreateChallenges(), header => Assert.Equal("op", Parse(header).Opaque));
    }

    [Fact]
    public void Refuses_unusable_options()
    {
        Assert.Throws<ArgumentException>(() => CreateServer(new DigestServerOptions { Realm = "" }));
        Assert.Throws<ArgumentException>(() => CreateServer(new DigestServerOptions { Realm = "a\r\nb" }));
        Assert.Throws<ArgumentException>(() => CreateServer(new DigestServerOptions { Realm = Realm, Algorithms = [] }));
        Assert.Throws<ArgumentException>(() => CreateServer(new DigestServerOptions { Realm = Realm, Algorithms = [DigestAlgorithm.Md5, DigestAlgorithm.Md5] }));
        Assert.Throws<ArgumentException>(() => CreateServer(new DigestServerOptions { Realm = Realm, OfferQop = false, Algorithms = [DigestAlgorithm.Md5Sess] }));
        Assert.Throws<ArgumentException>(() => CreateServer(new DigestServerOptions { Realm = Realm, NonceLifetime = TimeSpan.Zero }));
        Assert.Throws<ArgumentException>(() => CreateServer(new DigestServerOptions { Realm = Realm, MaxTrackedNonces = 0 }));
        Assert.Throws<ArgumentException>(() => CreateServer(new DigestServerOptions { Realm = Realm, NonceKey = new byte[8] }));
    }
}
