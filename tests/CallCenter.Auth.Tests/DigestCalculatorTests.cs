namespace CallCenter.Auth.Tests;

public class DigestCalculatorTests
{
    // Expected values marked "independent" were computed with Python's hashlib from the RFC 7616
    // §3.9.1 inputs, following the formulas of RFC 7616 §3.4.1–§3.4.3.
    private const string Md5Ha1 = "3d78807defe7de2157e2b0b6573a855f";
    private const string Sha256Ha1 = "7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232";

    [Fact]
    public void Rfc2617_section_3_5_example()
    {
        var parameters = new DigestResponseParameters(
            RfcVectors.Method, RfcVectors.Uri, RfcVectors.Username, RfcVectors.Rfc2617.Realm, RfcVectors.Rfc2617.Nonce,
            RfcVectors.Rfc2617.Cnonce, "00000001", "auth");

        string response = DigestCalculator.ComputeResponse(
            DigestAlgorithm.Md5, DigestSecret.FromPassword(RfcVectors.Rfc2617.Password), parameters);

        Assert.Equal(RfcVectors.Rfc2617.Response, response);
    }

    [Fact]
    public void Rfc7616_section_3_9_1_md5_example()
    {
        string response = DigestCalculator.ComputeResponse(
            DigestAlgorithm.Md5, DigestSecret.FromPassword(RfcVectors.Rfc7616.Password), RfcVectors.Rfc7616.Parameters());

        Assert.Equal(RfcVectors.Rfc7616.Md5Response, response);
    }

    [Fact]
    public void Rfc7616_section_3_9_1_sha256_example()
    {
        string response = DigestCalculator.ComputeResponse(
            DigestAlgorithm.Sha256, DigestSecret.FromPassword(RfcVectors.Rfc7616.Password), RfcVectors.Rfc7616.Parameters());

        Assert.Equal(RfcVectors.Rfc7616.Sha256Response, response);
    }

    [Theory]
    [InlineData("MD5", Md5Ha1)]
    [InlineData("MD5-sess", Md5Ha1)]
    [InlineData("SHA-256", Sha256Ha1)]
    [InlineData("SHA-256-sess", Sha256Ha1)]
    public void Computes_the_storable_ha1(string algorithmName, string expected)
    {
        DigestAlgorithm.TryParse(algorithmName, out DigestAlgorithm? algorithm);

        Assert.Equal(expected, DigestCalculator.ComputeHa1(algorithm!, RfcVectors.Username, RfcVectors.Rfc7616.Realm, RfcVectors.Rfc7616.Password));
    }

    [Theory]
    [InlineData("MD5", Md5Ha1, RfcVectors.Rfc7616.Md5Response)]
    [InlineData("MD5", "3D78807DEFE7DE2157E2B0B6573A855F", RfcVectors.Rfc7616.Md5Response)]
    [InlineData("SHA-256", Sha256Ha1, RfcVectors.Rfc7616.Sha256Response)]
    public void Stored_ha1_gives_the_same_response_as_the_password(string algorithmName, string ha1, string expected)
    {
        DigestAlgorithm.TryParse(algorithmName, out DigestAlgorithm? algorithm);

        string response = DigestCalculator.ComputeResponse(algorithm!, DigestSecret.FromHa1(ha1), RfcVectors.Rfc7616.Parameters());

        Assert.Equal(expected, response);
    }

    [Theory]
    [InlineData("MD5-sess", "e783283f46242139c486a698fec7211d")] // independent
    [InlineData("SHA-256-sess", "2fd51b3a77ad75bad6afad6003e818d767133c46d9e2749e7f5232ae1ea3efd7")] // independent
    public void Session_variants_hash_nonce_and_cnonce_into_ha1(string algorithmName, string expected)
    {
        DigestAlgorithm.TryParse(algorithmName, out DigestAlgorithm? algorithm);

        Assert.Equal(expected, DigestCalculator.ComputeResponse(
            algorithm!, DigestSecret.FromPassword(RfcVectors.Rfc7616.Password), RfcVectors.Rfc7616.Parameters()));
        Assert.Equal(expected, DigestCalculator.ComputeResponse(
            algorithm!, DigestSecret.FromHa1(algorithm!.DigestSize == 16 ? Md5Ha1 : Sha256Ha1), RfcVectors.Rfc7616.Parameters()));
    }

    [Theory]
    [InlineData("MD5", "7b2cc3b30e75b4777ea31027084363fd")] // independent
    [InlineData("SHA-256", "a1306b0595a6c7fe96c448631fb5cfbd5107bd1fe1da729d978dd7446b812363")] // independent
    public void Without_qop_uses_the_rfc2069_form(string algorithmName, string expected)
    {
        DigestAlgorithm.TryParse(algorithmName, out DigestAlgorithm? algorithm);

        Assert.Equal(expected, DigestCalculator.ComputeResponse(
            algorithm!, DigestSecret.FromPassword(RfcVectors.Rfc7616.Password), RfcVectors.Rfc7616.Parameters(qop: null)));
    }

    [Fact]
    public void Hashes_non_ascii_text_as_utf8()
    {
        var parameters = new DigestResponseParameters(
            "REGISTER", "sip:example.org", "J\u00e4s\u00f8n Doe", "api@example.org", "n", "c", "00000001", "auth");

        string response = DigestCalculator.ComputeResponse(
            DigestAlgorithm.Sha256, DigestSecret.FromPassword("Secret, or not?"), parameters);

        Assert.Equal("ac7eb3f962394715dacdbc748cda413c5c607aa68d8d9c5813405d3748abb8c4", response); // independent
    }

    [Fact]
    public void Handles_inputs_longer_than_the_stack_buffer()
    {
        string longUri = "sip:" + new string('a', 5000) + "@example.org";
        var parameters = RfcVectors.Rfc7616.Parameters() with { DigestUri = longUri };
        DigestSecret password = DigestSecret.FromPassword(new string('p', 3000));
        string ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, RfcVectors.Username, RfcVectors.Rfc7616.Realm, new string('p', 3000));

        string viaPassword = DigestCalculator.ComputeResponse(DigestAlgorithm.Sha256, password, parameters);
        string viaHa1 = DigestCalculator.ComputeResponse(DigestAlgorithm.Sha256, DigestSecret.FromHa1(ha1), parameters);

        Assert.Equal(viaPassword, viaHa1);
        Assert.Equal(64, viaPassword.Length);
    }

    [Theory]
    [InlineData("6629fae49393a05397450978507c4ef1", "6629fae49393a05397450978507c4ef1", true)]
    [InlineData("6629fae49393a05397450978507c4ef1", "6629FAE49393A05397450978507C4EF1", true)]
    [InlineData("6629fae49393a05397450978507c4ef1", "6629fae49393a05397450978507c4ef0", false)]
    [InlineData("6629fae49393a05397450978507c4ef1", "6629fae49393a05397450978507c4ef", false)]
    [InlineData("6629fae49393a05397450978507c4ef1", "6629fae49393a05397450978507c4efz", false)]
    [InlineData("", "", false)]
    public void Compares_responses(string expected, string actual, bool equal)
    {
        Assert.Equal(equal, DigestCalculator.ResponseEquals(expected, actual));
    }

    [Fact]
    public void Refuses_inputs_it_cannot_hash()
    {
        DigestSecret password = DigestSecret.FromPassword("x");
        var noCnonce = RfcVectors.Rfc7616.Parameters() with { Cnonce = null };
        var authInt = RfcVectors.Rfc7616.Parameters() with { Qop = "auth-int" };
        var sessWithoutQop = RfcVectors.Rfc7616.Parameters(qop: null);

        Assert.Throws<ArgumentException>(() => DigestCalculator.ComputeResponse(DigestAlgorithm.Md5, password, noCnonce));
        Assert.Throws<ArgumentException>(() => DigestCalculator.ComputeResponse(DigestAlgorithm.Md5, password, authInt));
        Assert.Throws<ArgumentException>(() => DigestCalculator.ComputeResponse(DigestAlgorithm.Md5Sess, password, sessWithoutQop));
        Assert.Throws<ArgumentException>(() => DigestCalculator.ComputeResponse(
            DigestAlgorithm.Sha256, DigestSecret.FromHa1(Md5Ha1), RfcVectors.Rfc7616.Parameters()));
    }
}
