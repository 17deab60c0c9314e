namespace CallCenter.Auth.Tests;

public class DigestSecretTests
{
    private const string Md5Ha1 = "3d78807defe7de2157e2b0b6573a855f";
    private const string Sha256Ha1 = "7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232";

    [Theory]
    [InlineData("ha1:" + Md5Ha1)]
    [InlineData("HA1:" + Md5Ha1)]
    [InlineData("ha1:" + Sha256Ha1)]
    public void Configured_ha1_prefix_means_a_stored_ha1(string configured)
    {
        Assert.True(DigestSecret.TryParse(configured, out DigestSecret secret, out string error), error);

        Assert.True(secret.IsHa1);
    }

    [Theory]
    [InlineData("Circle of Life")]
    [InlineData("")]
    [InlineData("ha1")]
    [InlineData("xha1:" + Md5Ha1)]
    public void Anything_else_is_a_password(string configured)
    {
        Assert.True(DigestSecret.TryParse(configured, out DigestSecret secret, out _));

        Assert.False(secret.IsHa1);
    }

    [Theory]
    [InlineData("ha1:")]
    [InlineData("ha1:abc")]
    [InlineData("ha1:3d78807defe7de2157e2b0b6573a855g")]
    [InlineData("ha1: " + Md5Ha1)]
    public void Malformed_configured_ha1_is_an_error(string configured)
    {
        Assert.False(DigestSecret.TryParse(configured, out _, out string error));

        Assert.Contains("32 (MD5) or 64 (SHA-256) hexadecimal digits", error);
    }

    [Fact]
    public void Null_configured_secret_is_an_error()
    {
        Assert.False(DigestSecret.TryParse(null, out _, out string error));
        Assert.Equal("secret is null", error);
    }

    [Fact]
    public void Stored_ha1_answers_only_its_own_hash_function()
    {
        DigestSecret md5 = DigestSecret.FromHa1(Md5Ha1);
        DigestSecret sha256 = DigestSecret.FromHa1(Sha256Ha1);
        DigestSecret password = DigestSecret.FromPassword("pw");

        Assert.True(md5.CanAnswer(DigestAlgorithm.Md5) && md5.CanAnswer(DigestAlgorithm.Md5Sess));
        Assert.False(md5.CanAnswer(DigestAlgorithm.Sha256) || md5.CanAnswer(DigestAlgorithm.Sha256Sess));
        Assert.True(sha256.CanAnswer(DigestAlgorithm.Sha256Sess));
        Assert.False(sha256.CanAnswer(DigestAlgorithm.Md5));
        Assert.All(DigestAlgorithm.All, algorithm => Assert.True(password.CanAnswer(algorithm)));
    }

    [Fact]
    public void FromHa1_refuses_non_hash_values()
    {
        Assert.Throws<ArgumentException>(() => DigestSecret.FromHa1("not-a-hash"));
    }

    [Fact]
    public void ToString_never_shows_the_secret()
    {
        Assert.Equal("DigestSecret(password)", DigestSecret.FromPassword("hunter2").ToString());
        Assert.Equal("DigestSecret(HA1)", DigestSecret.FromHa1(Md5Ha1).ToString());
    }
}
