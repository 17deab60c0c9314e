namespace CallCenter.Config.Tests.Support;

/// <summary>Builds small valid files that tests then break in one place.</summary>
internal static class AgentYaml
{
    /// <summary>An agents file with one valid agent, lines 1–5.</summary>
    public static string OneAgent(string extension = "\"1001\"", string skills = "{ sales: 7 }") => Load.Lines(
        "agents:",
        $"  - extension: {extension}",
        "    name: \"Ana Santos\"",
        "    secret: \"s3cret-pass\"",
        $"    skills: {skills}");
}
