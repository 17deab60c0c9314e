using CallCenter.Config.Tests.Support;

namespace CallCenter.Config.Tests;

public class ExtensionTests
{
    [Theory]
    [InlineData("\"1001\"", "1001")]
    [InlineData("1001", "1001")]
    [InlineData("0100", "0100")]
    [InlineData("\"ana\"", "ana")]
    [InlineData("\"Sup3rvisor\"", "Sup3rvisor")]
    [InlineData("\"12345678901234567890123456789012\"", "12345678901234567890123456789012")]
    public void Valid_extension_is_kept_exactly_as_written(string written, string expected)
    {
        CallCenterConfig config = Load.Valid(AgentYaml.OneAgent(extension: written));

        Assert.Equal(expected, Assert.Single(config.Agents).Extension);
    }

    [Theory]
    [InlineData("\"10 01\"", "\"10 01\"")]
    [InlineData("\"1001@example\"", "\"1001@example\"")]
    [InlineData("-5", "\"-5\"")]
    [InlineData("\"123456789012345678901234567890123\"", "\"123456789012345678901234567890123\"")]
    public void Extension_that_is_not_a_sip_user_token_is_refused(string written, string quoted)
    {
        Load.FailsWith(
            AgentYaml.OneAgent(extension: written),
            line: 2, column: 16,
            $"agent #1: extension {quoted} must be 1 to 32 letters or digits (it is the SIP user name the softphone registers with)");
    }

    [Fact]
    public void Empty_extension_is_refused()
    {
        Load.FailsWith(
            AgentYaml.OneAgent(extension: "\"\""),
            line: 2, column: 16,
            "agent #1: extension is empty; it must be the SIP user name the softphone registers with, such as \"1001\"");
    }

    [Fact]
    public void Duplicate_extension_names_both_lines()
    {
        Load.FailsWith(
            Load.Lines(
                "agents:",
                "  - extension: \"1001\"",
                "    name: Ana",
                "    secret: a",
                "  - extension: \"1002\"",
                "    name: Ben",
                "    secret: b",
                "  - extension: 1001",
                "    name: Cy",
                "    secret: c"),
            line: 8, column: 16,
            "extension \"1001\" is used by two agents: first on line 2, again on line 8");
    }

    [Fact]
    public void Extensions_differing_only_in_case_are_different_sip_users()
    {
        CallCenterConfig config = Load.Valid(Load.Lines(
            "agents:",
            "  - { extension: \"ana\", name: Ana, secret: a }",
            "  - { extension: \"ANA\", name: Ana Two, secret: b }"));

        Assert.Equal(2, config.Agents.Count);
    }
}
