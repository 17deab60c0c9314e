namespace CallCenter.Auth.Tests;

public class DigestClientTests
{
    private const string TrunkUri = "sip:+15551234567@trunk.example";
    private readonly DigestClient _client = new();

    [Fact]
    public void Answers_the_rfc7616_challenge_with_a_verifiable_response()
    {
        Assert.True(DigestChallenge.TryParse(RfcVectors.Rfc7616.Sha256Challenge, out DigestChallenge? challenge, out _));

        DigestCredentials credentials = Answer(challenge, RfcVectors.Username, RfcVectors.Rfc7616.Password, RfcVectors.Method, RfcVectors.Uri);

        Assert.Equal((RfcVectors.Username, RfcVectors.Rfc7616.Realm, RfcVectors.Rfc7616.Nonce, RfcVectors.Uri), (credentials.Username, credentials.Realm, credentials.Nonce, credentials.Uri));
        Assert.Equal(("auth", "00000001", RfcVectors.Rfc7616.Opaque), (credentials.Qop, credentials.NonceCount, credentials.Opaque));
        Assert.Same(DigestAlgorithm.Sha256, credentials.Algorithm);
        string expected = DigestCalculator.ComputeResponse(
            DigestAlgorithm.Sha256,
            DigestSecret.FromPassword(RfcVectors.Rfc7616.Password),
            RfcVectors.Rfc7616.Parameters() with { Cnonce = credentials.Cnonce });
        Assert.Equal(expected, credentials.Response);
    }

    [Fact]
    public void Counts_requests_per_nonce()
    {
        DigestChallenge first = Challenge("n1");
        DigestChallenge second = Challenge("n2");

        Assert.Equal("00000001", Answer(first).NonceCount);
        Assert.Equal("00000002", Answer(first).NonceCount);
        Assert.Equal("00000001", Answer(second).NonceCount);
        Assert.Equal("00000003", Answer(first).NonceCount);
    }

    [Fact]
    public void Counts_past_nine_in_hex()
    {
        DigestChallenge challenge = Challenge("n");
        for (int i = 0; i < 9; i++)
        {
            Answer(challenge);
        }

        Assert.Equal("0000000a", Answer(challenge).NonceCount);
    }

    [Fact]
    public void Forgets_the_oldest_nonce_beyond_its_memory()
    {
        Answer(Challenge("first"));
        Answer(Challenge("first"));
        for (int i = 0; i < DigestClient.MaxRememberedNonces; i++)
        {
            Answer(Challenge("other-" + i));
        }

        Assert.Equal("00000001", Answer(Challenge("first")).NonceCount);
    }

    [Fact]
    public void Uses_a_fresh_random_cnonce_each_time()
    {
        DigestChallenge challenge = Challenge("n");

        string[] cnonces = Enumerable.Range(0, 50).Select(_ => Answer(challenge).Cnonce!).ToArray();

        Assert.Equal(cnonces.Length, cnonces.Distinct().Count());
        Assert.All(cnonces, cnonce => Assert.Matches("^[0-9a-f]{32}$", cnonce));
    }

    [Fact]
    public void Chooses_auth_among_several_qop_options()
    {
        DigestChallenge challenge = Challenge("n", qop: ["auth-int", "auth"]);

        Assert.Equal("auth", Answer(challenge).Qop);
    }

    [Fact]
    public void Without_qop_answers_in_the_rfc2069_form()
    {
        var challenge = new DigestChallenge(RfcVectors.Rfc7616.Realm, RfcVectors.Rfc7616.Nonce);

        DigestCredentials credentials = Answer(challenge, RfcVectors.Username, RfcVectors.Rfc7616.Password, RfcVectors.Method, RfcVectors.Uri);

        Assert.Null(credentials.Qop);
        Assert.Null(credentials.Cnonce);
        Assert.Null(credentials.NonceCount);
        Assert.Equal("7b2cc3b30e75b4777ea31027084363fd", credentials.Response); // independent, see DigestCalculatorTests
    }

    [Fact]
    public void Cannot_answer_auth_int_only_or_sess_without_qop()
    {
        DigestChallenge authIntOnly = Challenge("n", qop: ["auth-int"]);
        var sessWithoutQop = new DigestChallenge("r", "n") { Algorithm = DigestAlgorithm.Md5Sess };

        Assert.False(_client.TryCreateAuthorization(authIntOnly, "u", DigestSecret.FromPassword("p"), "INVITE", TrunkUri, out string? header, out string error));
        Assert.Null(header);
        Assert.Contains("only 'auth' is supported", error);
        Assert.False(DigestClient.CanAnswer(sessWithoutQop, out error));
        Assert.Contains("needs a qop", error);
        Assert.Throws<InvalidOperationException>(() => _client.CreateAuthorization(authIntOnly, "u", "p", "INVITE", TrunkUri));
    }

    [Fact]
    public void Refuses_control_characters_and_mismatched_ha1_without_throwing()
    {
        DigestChallenge challenge = Challenge("n", algorithm: DigestAlgorithm.Sha256);
        DigestSecret md5Ha1 = DigestSecret.FromHa1("3d78807defe7de2157e2b0b6573a855f");

        Assert.False(_client.TryCreateAuthorization(challenge, "u\r\nX: y", DigestSecret.FromPassword("p"), "INVITE", TrunkUri, out _, out string error));
        Assert.Contains("control characters", error);
        Assert.False(_client.TryCreateAuthorization(challenge, "u", md5Ha1, "INVITE", TrunkUri, out _, out error));
        Assert.Contains("stored HA1", error);
    }

    [Fact]
    public void Answers_with_a_stored_ha1()
    {
        DigestChallenge challenge = Challenge("n");
        string ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "u", "trunk.example", "p");

        Assert.True(_client.TryCreateCredentials(challenge, "u", DigestSecret.FromHa1(ha1), "INVITE", TrunkUri, out DigestCredentials? viaHa1, out _));
        string expected = DigestCalculator.ComputeResponse(
            DigestAlgorithm.Md5, DigestSecret.FromPassword("p"),
            new DigestResponseParameters("INVITE", TrunkUri, "u", "trunk.example", "n", viaHa1.Cnonce, viaHa1.NonceCount, "auth"));

        Assert.Equal(expected, viaHa1.Response);
    }

    [Fact]
    public void Hashes_the_username_when_the_challenge_asks_for_it()
    {
        var challenge = new DigestChallenge(RfcVectors.Rfc7616.Realm, "n") { Algorithm = DigestAlgorithm.Sha256, QopOptions = ["auth"], UserHash = true };

        DigestCredentials credentials = Answer(challenge, RfcVectors.Username, "p", "GET", RfcVectors.Uri);

        Assert.True(credentials.UserHash);
        Assert.Equal("a947aad205e80e429958a387394944c6b496301e79f89d35a4cc23b6ee12b5b6", credentials.Username); // independent
        string expected = DigestCalculator.ComputeResponse(
            DigestAlgorithm.Sha256, DigestSecret.FromPassword("p"),
            new DigestResponseParameters("GET", RfcVectors.Uri, RfcVectors.Username, RfcVectors.Rfc7616.Realm, "n", credentials.Cnonce, "00000001", "auth"));
        Assert.Equal(expected, credentials.Response);
    }

    [Fact]
    public void Selects_the_first_challenge_it_can_answer()
    {
        string[] headers =
        [
            "Digest realm=\"t\", nonce=\"a\", algorithm=SHA-512-256, qop=\"auth\"",
            "Digest realm=\"t\", nonce=\"b\", algorithm=SHA-256, qop=\"auth-int\"",
            "Digest realm=\"t\", nonce=\"c\", algorithm=MD5, qop=\"auth\"",
            "Digest realm=\"t\", nonce=\"d\", algorithm=SHA-256, qop=\"auth\"",
        ];

        Assert.True(DigestClient.TrySelectChallenge(headers, out DigestChallenge? challenge, out string error), error);

        Assert.Equal("c", challenge.Nonce);
        Assert.Same(DigestAlgorithm.Md5, challenge.Algorithm);
    }

    [Fact]
    public void Reports_why_no_challenge_could_be_selected()
    {
        Assert.False(DigestClient.TrySelectChallenge(["Basic realm=\"t\"", "Digest realm=\"t\""], out DigestChallenge? challenge, out string error));
        Assert.Null(challenge);
        Assert.Contains("unsupported authentication scheme 'Basic'", error);

        Assert.False(DigestClient.TrySelectChallenge([], out _, out error));
        Assert.Equal("no challenge present", error);
    }

    private static DigestChallenge Challenge(string nonce, string[]? qop = null, DigestAlgorithm? algorithm = null) =>
        new("trunk.example", nonce) { QopOptions = qop ?? ["auth"], Algorithm = algorithm ?? DigestAlgorithm.Md5 };

    private DigestCredentials Answer(
        DigestChallenge challenge, string username = "u", string password = "p", string method = "INVITE", string uri = TrunkUri)
    {
        Assert.True(_client.TryCreateAuthorization(challenge, username, DigestSecret.FromPassword(password), method, uri, out string? header, out string error), error);
        Assert.True(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out error), error);
        return credentials;
    }
}
