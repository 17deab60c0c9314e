namespace CallCenter.Auth.Tests;

public class DigestAlgorithmTests
{
    [Theory]
    [InlineData("MD5", "MD5")]
    [InlineData("md5", "MD5")]
    [InlineData("MD5-sess", "MD5-sess")]
    [InlineData("md5-SESS", "MD5-sess")]
    [InlineData("SHA-256", "SHA-256")]
    [InlineData("sha-256", "SHA-256")]
    [InlineData("SHA-256-sess", "SHA-256-sess")]
    [InlineData("Sha-256-Sess", "SHA-256-sess")]
    public void Parses_names_case_insensitively(string text, string canonical)
    {
        Assert.True(DigestAlgorithm.TryParse(text, out DigestAlgorithm? algorithm));
        Assert.Equal(canonical, algorithm.Name);
        Assert.Equal(canonical, algorithm.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("SHA-512-256")]
    [InlineData("SHA256")]
    [InlineData("MD5 ")]
    [InlineData("AKAv1-MD5")]
    public void Rejects_unknown_names(string text)
    {
        Assert.False(DigestAlgorithm.TryParse(text, out DigestAlgorithm? algorithm));
        Assert.Null(algorithm);
    }

    [Fact]
    public void Absent_algorithm_means_md5()
    {
        Assert.True(DigestAlgorithm.TryParseOrDefault(null, out DigestAlgorithm? algorithm));
        Assert.Same(DigestAlgorithm.Md5, algorithm);
        Assert.True(DigestAlgorithm.TryParseOrDefault("SHA-256", out algorithm));
        Assert.Same(DigestAlgorithm.Sha256, algorithm);
        Assert.False(DigestAlgorithm.TryParseOrDefault("nope", out _));
    }

    [Fact]
    public void Describes_hash_sizes_and_session_variants()
    {
        Assert.Equal((16, 32, false), (DigestAlgorithm.Md5.DigestSize, DigestAlgorithm.Md5.HexLength, DigestAlgorithm.Md5.IsSession));
        Assert.Equal((16, 32, true), (DigestAlgorithm.Md5Sess.DigestSize, DigestAlgorithm.Md5Sess.HexLength, DigestAlgorithm.Md5Sess.IsSession));
        Assert.Equal((32, 64, false), (DigestAlgorithm.Sha256.DigestSize, DigestAlgorithm.Sha256.HexLength, DigestAlgorithm.Sha256.IsSession));
        Assert.Equal((32, 64, true), (DigestAlgorithm.Sha256Sess.DigestSize, DigestAlgorithm.Sha256Sess.HexLength, DigestAlgorithm.Sha256Sess.IsSession));
        Assert.Equal(4, DigestAlgorithm.All.Count);
    }
}
