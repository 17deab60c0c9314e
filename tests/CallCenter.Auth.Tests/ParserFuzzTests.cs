using System.Text;
using FsCheck;
using FsCheck.Xunit;

namespace CallCenter.Auth.Tests;

public class ParserFuzzTests
{
    private static readonly string[] Seeds =
    [
        RfcVectors.Rfc2617.AuthorizationHeader,
        RfcVectors.Rfc7616.Sha256AuthorizationHeader,
        RfcVectors.Rfc7616.Sha256Challenge,
        "Digest realm=\"r\", nonce=\"n\", opaque=\"o\", algorithm=SHA-256-sess, qop=\"auth,auth-int\", stale=TRUE, userhash=false",
        "Digest username=\"a\\\"b\", realm=r, nonce=\"n\r\n m\", uri=\"sip:x\", response=\"0\", nc=0000000F, cnonce=c, qop=auth",
    ];

    // Characters that matter to the grammar, plus controls, non-ASCII and a lone surrogate.
    private const string Alphabet = "\"\\=,; \t\r\n\0\u007f\u0001:aZ9-_/\u00e9\u20ac\ud800";

    [Property(MaxTest = 2000)]
    public void Credentials_parser_never_throws_on_arbitrary_strings(string? input)
    {
        DigestCredentials.TryParse(input, out _, out string error);
        Assert.NotNull(error);
    }

    [Property(MaxTest = 2000)]
    public void Challenge_parser_never_throws_on_arbitrary_strings(string? input)
    {
        DigestChallenge.TryParse(input, out _, out string error);
        Assert.NotNull(error);
    }

    [Property(MaxTest = 2000)]
    public void Digest_prefixed_arbitrary_strings_never_throw(string? tail)
    {
        DigestCredentials.TryParse("Digest " + tail, out _, out _);
        DigestChallenge.TryParse("Digest realm=\"r\", " + tail, out _, out _);
    }

    [Property(MaxTest = 2000)]
    public void Nonce_validation_never_throws_and_refuses_foreign_text(string? input)
    {
        var service = new NonceService();
        Assert.Equal(NonceStatus.Invalid, service.Validate(input).Status);
    }

    [Property(MaxTest = 500)]
    public bool Formatted_credentials_parse_back(NonNull<string> username, NonNull<string> realm, NonNull<string> uri, NonNull<string> cnonce)
    {
        var original = new DigestCredentials(Printable(username.Get), Printable(realm.Get), "n", Printable(uri.Get), "abc")
        {
            Qop = "auth", Cnonce = Printable(cnonce.Get), NonceCount = "00000001",
        };

        return DigestCredentials.TryParse(original.ToHeaderValue(), out DigestCredentials? parsed, out _)
            && parsed.Username == original.Username && parsed.Realm == original.Realm
            && parsed.Uri == original.Uri && parsed.Cnonce == original.Cnonce;
    }

    [Fact]
    public void Mutated_headers_never_throw_and_what_parses_formats_parseably()
    {
        var random = new Random(20250601);
        var server = new DigestServer(new DigestServerOptions { Realm = "r", Algorithms = [DigestAlgorithm.Md5Sess, DigestAlgorithm.Sha256] });
        var client = new DigestClient();
        string[] seeds =
        [
            .. Seeds,
            .. server.CreateChallenges().Select(header =>
            {
                Assert.True(DigestChallenge.TryParse(header, out DigestChallenge? challenge, out _));
                return client.CreateAuthorization(challenge, "u", "p", "REGISTER", "sip:r");
            }),
        ];
        for (int i = 0; i < 20_000; i++)
        {
            string input = Mutate(seeds[random.Next(seeds.Length)], random);

            if (DigestCredentials.TryParse(input, out DigestCredentials? credentials, out _))
            {
                Assert.True(DigestCredentials.TryParse(credentials.ToHeaderValue(), out DigestCredentials? again, out string error), error);
                Assert.Equal(credentials.Username, again.Username);
            }

            if (DigestChallenge.TryParse(input, out DigestChallenge? challenge, out _))
            {
                Assert.True(DigestChallenge.TryParse(challenge.ToHeaderValue(), out DigestChallenge? again, out string error), error);
                Assert.Equal(challenge.Realm, again.Realm);
            }

            server.Verify(input, "REGISTER", (_, _, _) => DigestSecret.FromPassword("p"));
        }
    }

    [Fact]
    public void Random_character_soup_never_throws()
    {
        var random = new Random(7616);
        for (int i = 0; i < 20_000; i++)
        {
            var soup = new StringBuilder("Digest ");
            int length = random.Next(0, 80);
            for (int j = 0; j < length; j++)
            {
                soup.Append(random.Next(4) == 0 ? (char)random.Next(0, 0x10000) : Alphabet[random.Next(Alphabet.Length)]);
            }

            DigestCredentials.TryParse(soup.ToString(), out _, out _);
            DigestChallenge.TryParse(soup.ToString(), out _, out _);
        }
    }

    private static string Mutate(string seed, Random random)
    {
        var text = new StringBuilder(seed);
        int mutations = random.Next(1, 5);
        for (int m = 0; m < mutations && text.Length > 0; m++)
        {
            int at = random.Next(text.Length);
            switch (random.Next(4))
            {
                case 0:
                    text.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 1:
                    text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at));
                    break;
                case 2:
                    text[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                default:
                    text.Insert(at, text.ToString(at, Math.Min(random.Next(1, 20), text.Length - at)));
                    break;
            }
        }

        return text.ToString();
    }

    private static string Printable(string value) =>
        new(value.Where(c => c == '\t' || (c >= 0x20 && c != 0x7F)).ToArray());
}
