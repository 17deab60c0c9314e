using CallCenter.Config.Tests.Support;

namespace CallCenter.Config.Tests;

public class SecretTests
{
    private const string Ha1 = "0123456789abcdef0123456789ABCDEF";

    private static string AgentWithSecret(string secret) => Load.Lines(
        "agents:",
        "  - extension: \"1001\"",
        "    name: Ana",
        $"    secret: {secret}");

    [Fact]
    public void Plain_secret_is_a_password()
    {
        AgentSecret secret = Assert.Single(Load.Valid(AgentWithSecret("\"demo-1001-secret\"")).Agents).Secret;

        Assert.Equal(AgentSecretKind.Password, secret.Kind);
        Assert.Equal("demo-1001-secret", secret.RevealPassword());
        Assert.Throws<InvalidOperationException>(() => secret.RevealHa1Hex());
    }

    [Fact]
    public void Unquoted_numeric_secret_keeps_its_digits()
    {
        AgentSecret secret = Assert.Single(Load.Valid(AgentWithSecret("007123")).Agents).Secret;

        Assert.Equal("007123", secret.RevealPassword());
    }

    [Fact]
    public void Ha1_prefix_gives_a_stored_hash_in_lower_case()
    {
        AgentSecret secret = Assert.Single(Load.Valid(AgentWithSecret($"\"ha1:{Ha1}\"")).Agents).Secret;

        Assert.Equal(AgentSecretKind.Ha1, secret.Kind);
        Assert.Equal(Ha1.ToLowerInvariant(), secret.RevealHa1Hex());
        Assert.Throws<InvalidOperationException>(() => secret.RevealPassword());
    }

    [Fact]
    public void Ha1_with_too_few_digits_is_refused()
    {
        Load.FailsWith(
            AgentWithSecret($"\"ha1:{Ha1[..31]}\""),
            line: 4, column: 13,
            "agent \"1001\": secret starting with \"ha1:\" must have exactly 32 hex digits (0-9, a-f) after \"ha1:\" (found 31 characters)");
    }

    [Fact]
    public void Ha1_with_a_non_hex_digit_is_refused()
    {
        Load.FailsWith(
            AgentWithSecret($"\"ha1:{Ha1[..31]}g\""),
            line: 4, column: 13,
            "agent \"1001\": secret starting with \"ha1:\" must have exactly 32 hex digits (0-9, a-f) after \"ha1:\" (found 32 characters, not all hex digits)");
    }

    [Theory]
    [InlineData("\"\"", 13)]
    [InlineData("", 12)]
    [InlineData("~", 13)]
    public void Empty_secret_is_refused(string written, int column)
    {
        Load.FailsWith(
            AgentWithSecret(written),
            line: 4, column: column,
            "agent \"1001\": secret is empty; it must be a password, or \"ha1:\" followed by 32 hex digits");
    }

    [Fact]
    public void Blank_secret_is_refused()
    {
        Load.FailsWith(
            AgentWithSecret("\"  \""),
            line: 4, column: 13,
            "agent \"1001\": secret is blank; it must be a password, or \"ha1:\" followed by 32 hex digits");
    }

    [Fact]
    public void Secret_given_as_a_mapping_is_refused_without_repeating_it()
    {
        Load.FailsWith(
            AgentWithSecret("{ password: hunter2-secret }"),
            line: 4, column: 13,
            "agent \"1001\": secret must be a password, or \"ha1:\" followed by 32 hex digits (found a mapping)");
    }

    [Fact]
    public void ToString_never_reveals_the_secret()
    {
        CallCenterConfig config = Load.Valid(Load.Lines(
            "agents:",
            "  - { extension: \"1001\", name: Ana, secret: \"pw-alpha-1001\" }",
            $"  - {{ extension: \"1002\", name: Ben, secret: \"ha1:{Ha1}\" }}"));

        AgentConfig ana = config.Agents[0];
        AgentConfig ben = config.Agents[1];
        Assert.Equal("password (hidden)", ana.Secret.ToString());
        Assert.Equal("HA1 hash (hidden)", ben.Secret.ToString());
        foreach (string shown in new[] { ana.ToString(), ben.ToString(), $"{ana.Secret}", $"{ben.Secret}" })
        {
            Assert.DoesNotContain("pw-alpha-1001", shown, StringComparison.Ordinal);
            Assert.DoesNotContain(Ha1, shown, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Secrets_never_appear_in_error_messages_about_their_agent()
    {
        const string Password = "pw-bravo-77";
        string badHa1 = $"ha1:{Ha1[..30]}zz";
        string yaml = Load.Lines(
            "agents:",
            $"  - {{ extension: \"10 01\", name: \"\", secret: \"{Password}\", skills: {{ Sales: 99 }}, colour: red }}",
            $"  - {{ extension: \"1002\", name: [x], secret: \"{badHa1}\", skills: [1] }}",
            $"  - {{ extension: \"1003\", nmae: Ana, secret: \"{Password}\" }}",
            $"  - {{ extension: \"1003\", name: Bo, secret: \"{Password}\" }}");

        ConfigException failure = Load.Failure(yaml);

        Assert.True(failure.Errors.Count >= 8, failure.Message);
        Assert.DoesNotContain(Password, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(badHa1[4..], failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Password, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromHa1_refuses_text_that_is_not_32_hex_digits()
    {
        Assert.Throws<ArgumentException>(() => AgentSecret.FromHa1("abc"));
        Assert.Throws<ArgumentException>(() => AgentSecret.FromPassword(""));
    }
}
