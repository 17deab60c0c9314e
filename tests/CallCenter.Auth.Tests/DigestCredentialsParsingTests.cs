namespace CallCenter.Auth.Tests;

public class DigestCredentialsParsingTests
{
    private const string Minimal = "Digest username=\"bob\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"abc\"";

    [Fact]
    public void Parses_the_rfc2617_example_with_folded_lines()
    {
        Assert.True(DigestCredentials.TryParse(RfcVectors.Rfc2617.AuthorizationHeader, out DigestCredentials? credentials, out string error), error);

        Assert.Equal(RfcVectors.Username, credentials.Username);
        Assert.Equal(RfcVectors.Rfc2617.Realm, credentials.Realm);
        Assert.Equal(RfcVectors.Rfc2617.Nonce, credentials.Nonce);
        Assert.Equal(RfcVectors.Uri, credentials.Uri);
        Assert.Equal("auth", credentials.Qop);
        Assert.Equal("00000001", credentials.NonceCount);
        Assert.Equal(1u, credentials.NonceCountValue);
        Assert.Equal(RfcVectors.Rfc2617.Cnonce, credentials.Cnonce);
        Assert.Equal(RfcVectors.Rfc2617.Response, credentials.Response);
        Assert.Equal(RfcVectors.Rfc2617.Opaque, credentials.Opaque);
        Assert.Same(DigestAlgorithm.Md5, credentials.Algorithm);
        Assert.False(credentials.UserHash);
    }

    [Fact]
    public void Parses_the_rfc7616_sha256_example()
    {
        Assert.True(DigestCredentials.TryParse(RfcVectors.Rfc7616.Sha256AuthorizationHeader, out DigestCredentials? credentials, out string error), error);

        Assert.Same(DigestAlgorithm.Sha256, credentials.Algorithm);
        Assert.Equal(RfcVectors.Rfc7616.Cnonce, credentials.Cnonce);
        Assert.Equal(RfcVectors.Rfc7616.Sha256Response, credentials.Response);
    }

    [Fact]
    public void Scheme_and_parameter_names_are_case_insensitive()
    {
        const string header = "dIGEST UserName=\"bob\", REALM=\"r\", Nonce=\"n\", URI=\"sip:r\", Response=\"abc\", ALGORITHM=sha-256, "
            + "QOP=auth, NC=0000000a, CNONCE=\"c\", OPAQUE=\"o\", UserHash=FALSE";

        Assert.True(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out string error), error);

        Assert.Equal(("bob", "r", "n", "sip:r", "abc"), (credentials.Username, credentials.Realm, credentials.Nonce, credentials.Uri, credentials.Response));
        Assert.Same(DigestAlgorithm.Sha256, credentials.Algorithm);
        Assert.Equal(("auth", "0000000a", 10u, "c", "o"), (credentials.Qop, credentials.NonceCount, credentials.NonceCountValue!.Value, credentials.Cnonce, credentials.Opaque));
    }

    [Fact]
    public void Accepts_linear_whitespace_around_separators()
    {
        const string header = "  Digest\t username \t=\t\"bob\"\t ,realm= \"r\"\r\n\t, nonce\r\n =\r\n \"n\" , uri=\"sip:r\",response=\"abc\"  ";

        Assert.True(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out string error), error);

        Assert.Equal(("bob", "r", "n"), (credentials.Username, credentials.Realm, credentials.Nonce));
    }

    [Fact]
    public void Resolves_quoted_pairs_and_folds_inside_quoted_strings()
    {
        const string header = "Digest username=\"Mu\\\"fa\\\\sa\", realm=\"a\r\n b\", nonce=\"\\n\", uri=\"sip:r\", response=\"abc\"";

        Assert.True(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out string error), error);

        Assert.Equal("Mu\"fa\\sa", credentials.Username);
        Assert.Equal("a b", credentials.Realm);
        Assert.Equal("n", credentials.Nonce);
    }

    [Fact]
    public void Accepts_tokens_for_quoted_parameters_and_quoted_strings_for_tokens()
    {
        const string header = "Digest username=bob, realm=r, nonce=n, uri=\"sip:r\", response=abc, algorithm=\"MD5-sess\", "
            + "qop=\"auth\", nc=\"00000002\", cnonce=c";

        Assert.True(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out string error), error);

        Assert.Same(DigestAlgorithm.Md5Sess, credentials.Algorithm);
        Assert.Equal(("bob", "auth", "00000002", "c"), (credentials.Username, credentials.Qop, credentials.NonceCount, credentials.Cnonce));
    }

    [Fact]
    public void Ignores_unknown_parameters_and_empty_list_elements()
    {
        const string header = "Digest , username=\"bob\",, realm=\"r\", x-vendor=\"a, b=c\", nonce=\"n\", uri=\"sip:r\", "
            + "response=\"abc\", stale=TRUE, domain=\"sip:x\", future=token,";

        Assert.True(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out string error), error);

        Assert.Equal(("bob", "r", "n"), (credentials.Username, credentials.Realm, credentials.Nonce));
        Assert.Null(credentials.Qop);
        Assert.Null(credentials.NonceCountValue);
    }

    [Fact]
    public void Absent_algorithm_is_md5()
    {
        Assert.True(DigestCredentials.TryParse(Minimal, out DigestCredentials? credentials, out _));

        Assert.Same(DigestAlgorithm.Md5, credentials.Algorithm);
    }

    [Theory]
    [InlineData(null, "header value is missing")]
    [InlineData("", "missing authentication scheme")]
    [InlineData("   ", "missing authentication scheme")]
    [InlineData("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "unsupported authentication scheme 'Basic'")]
    [InlineData("Digest\"x\"", "expected whitespace after the 'Digest' scheme")]
    [InlineData("Digest username \"bob\"", "expected '=' after parameter 'username'")]
    [InlineData("Digest username=", "missing value for parameter 'username'")]
    [InlineData("Digest username=  ", "missing value for parameter 'username'")]
    [InlineData("Digest username=@bob", "unexpected character '@' in the value of parameter 'username'")]
    [InlineData("Digest username=\"bob", "unterminated quoted string in parameter 'username'")]
    [InlineData("Digest username=\"bob\\", "unterminated quoted string in parameter 'username'")]
    [InlineData("Digest username=\"b\u0001ob\"", "control character in the quoted value of parameter 'username'")]
    [InlineData("Digest username=\"b\r\nob\"", "control character in the quoted value of parameter 'username'")]
    [InlineData("Digest username=\"b\\\u0000ob\"", "control character escaped in the quoted value of parameter 'username'")]
    [InlineData("Digest username=\"bob\" realm=\"r\"", "expected ',' between parameters")]
    [InlineData("Digest username=bob;realm=r", "expected ',' between parameters")]
    [InlineData("Digest =\"bob\"", "expected a parameter name")]
    [InlineData("Digest username=\"bob\",\r\nrealm=\"r\"", "expected a parameter name")]
    public void Reports_syntax_errors(string? header, string expectedError)
    {
        Assert.False(DigestCredentials.TryParse(header, out DigestCredentials? credentials, out string error));

        Assert.Null(credentials);
        Assert.Contains(expectedError, error);
    }

    [Theory]
    [InlineData("username")]
    [InlineData("realm")]
    [InlineData("nonce")]
    [InlineData("uri")]
    [InlineData("response")]
    public void Names_a_missing_required_parameter(string name)
    {
        string header = "Digest " + string.Join(", ", new[] { "username=\"bob\"", "realm=\"r\"", "nonce=\"n\"", "uri=\"sip:r\"", "response=\"abc\"" }
            .Where(parameter => !parameter.StartsWith(name + "=", StringComparison.Ordinal)));

        Assert.False(DigestCredentials.TryParse(header, out _, out string error));

        Assert.Equal($"missing required parameter '{name}'", error);
    }

    [Theory]
    [InlineData(", username=\"eve\"", "duplicate parameter 'username'")]
    [InlineData(", USERNAME=\"eve\"", "duplicate parameter 'username'")]
    [InlineData(", algorithm=MD5, algorithm=SHA-256", "duplicate parameter 'algorithm'")]
    [InlineData(", qop=auth, cnonce=\"c\"", "missing parameter 'nc', required when 'qop' is present")]
    [InlineData(", qop=auth, nc=00000001", "missing parameter 'cnonce', required when 'qop' is present")]
    [InlineData(", nc=1", "parameter 'nc' must be exactly 8 hexadecimal digits")]
    [InlineData(", nc=0000000g", "parameter 'nc' must be exactly 8 hexadecimal digits")]
    [InlineData(", nc=000000001", "parameter 'nc' must be exactly 8 hexadecimal digits")]
    [InlineData(", algorithm=SHA-512-256", "unsupported algorithm 'SHA-512-256'")]
    [InlineData(", qop=\"auth,auth-int\"", "parameter 'qop' must be a single token such as 'auth'")]
    [InlineData(", userhash=maybe", "parameter 'userhash' must be 'true' or 'false'")]
    public void Reports_semantic_errors(string extra, string expectedError)
    {
        Assert.False(DigestCredentials.TryParse(Minimal + extra, out _, out string error));

        Assert.Equal(expectedError, error);
    }

    [Fact]
    public void Truncates_long_attacker_text_in_errors()
    {
        string header = Minimal + ", algorithm=\"" + new string('x', 10_000) + "\"";

        Assert.False(DigestCredentials.TryParse(header, out _, out string error));

        Assert.True(error.Length < 100, error);
    }

    [Fact]
    public void Formats_tokens_unquoted_and_strings_quoted()
    {
        var credentials = new DigestCredentials("bo\"b", "r", "n", "sip:r", "abc")
        {
            Algorithm = DigestAlgorithm.Sha256, Cnonce = "c", Opaque = "o", Qop = "auth", NonceCount = "00000001", UserHash = true,
        };

        Assert.Equal(
            "Digest username=\"bo\\\"b\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"abc\", algorithm=SHA-256, "
            + "cnonce=\"c\", opaque=\"o\", qop=auth, nc=00000001, userhash=true",
            credentials.ToHeaderValue());
    }

    [Fact]
    public void Formatted_credentials_parse_back_to_the_same_values()
    {
        var original = new DigestCredentials("J\u00e4s\u00f8n \\\"Doe\"", "realm, with \"quotes\"", "n=1", "sip:bob@example.org;transport=tcp", "abc")
        {
            Algorithm = DigestAlgorithm.Sha256Sess, Cnonce = "c\tc", Opaque = "", Qop = "auth", NonceCount = "0000FFFF",
        };

        Assert.True(DigestCredentials.TryParse(original.ToHeaderValue(), out DigestCredentials? parsed, out string error), error);

        Assert.Equal(
            (original.Username, original.Realm, original.Nonce, original.Uri, original.Response, original.Algorithm, original.Cnonce, original.Opaque, original.Qop, original.NonceCount),
            (parsed.Username, parsed.Realm, parsed.Nonce, parsed.Uri, parsed.Response, parsed.Algorithm, parsed.Cnonce, parsed.Opaque, parsed.Qop, parsed.NonceCount));
        Assert.Equal(0xFFFFu, parsed.NonceCountValue);
    }

    [Fact]
    public void Refuses_values_that_would_inject_header_lines()
    {
        Assert.Throws<ArgumentException>(() => new DigestCredentials("bob\r\nVia: evil", "r", "n", "u", "x"));
        Assert.Throws<ArgumentException>(() => new DigestCredentials("bob", "r", "n", "u", "x") { Opaque = "a\nb" });
        Assert.Throws<ArgumentException>(() => new DigestCredentials("bob", "r", "n", "u", "x") { Qop = "auth, x" });
        Assert.Throws<ArgumentException>(() => new DigestCredentials("bob", "r", "n", "u", "x") { NonceCount = "1" });
    }
}
