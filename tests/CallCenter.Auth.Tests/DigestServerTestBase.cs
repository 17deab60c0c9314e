using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Auth.Tests;

/// <summary>Shared set-up for the DigestServer tests: a fake clock, a client and a small user store.</summary>
public abstract class DigestServerTestBase
{
    protected const string Realm = "callcenter.example";
    protected const string RegistrarUri = "sip:callcenter.example";

    private readonly Dictionary<string, string> _configuredSecrets = new()
    {
        ["alice"] = "wonderland",
        ["bob"] = "ha1:" + DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, "bob", Realm, "builder"),
        ["carol"] = "ha1:" + DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "carol", Realm, "singer"),
    };

    protected FakeTimeProvider Clock { get; } = TestClock.Create();

    protected DigestClient Client { get; } = new();

    protected DigestServer CreateServer(DigestServerOptions? options = null) =>
        new(options ?? new DigestServerOptions { Realm = Realm }, Clock);

    protected DigestSecret? Lookup(string username, string realm, DigestAlgorithm algorithm) =>
        _configuredSecrets.TryGetValue(username, out string? configured) && DigestSecret.TryParse(configured, out DigestSecret secret, out _)
            ? secret
            : null;

    protected string Answer(DigestServer server, string username, string password, string method = "REGISTER")
    {
        Assert.True(DigestClient.TrySelectChallenge(server.CreateChallenges(), out DigestChallenge? challenge, out string error), error);
        return Client.CreateAuthorization(challenge, username, password, method, RegistrarUri);
    }

    protected static DigestChallenge Parse(string header)
    {
        Assert.True(DigestChallenge.TryParse(header, out DigestChallenge? challenge, out string error), error);
        return challenge;
    }

    protected static DigestCredentials ParseCredentials(string header)
    {
        Assert.True(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out string error), error);
        return credentials;
    }

    protected static DigestCredentials CopyWith(DigestCredentials source, string? response = null, string? qop = null, string? opaque = null) =>
        new(source.Username, source.Realm, source.Nonce, source.Uri, response ?? source.Response)
        {
            Algorithm = source.Algorithm,
            Cnonce = source.Cnonce,
            Opaque = opaque ?? source.Opaque,
            Qop = qop ?? source.Qop,
            NonceCount = source.NonceCount,
        };
}
