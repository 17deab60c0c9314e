using CallCenter.Config.Tests.Support;

namespace CallCenter.Config.Tests;

public class UnknownKeyTests
{
    [Fact]
    public void Unknown_top_level_section_lists_the_allowed_sections()
    {
        Load.FailsWith(
            Load.Lines("agents: []", "routing: []"),
            line: 2, column: 1,
            "unknown section \"routing\"; allowed sections are: agents, numbers, queues, trunks, callbacks");
    }

    [Fact]
    public void Misspelt_section_gets_a_suggestion()
    {
        Load.FailsWith(
            Load.Lines("agent: []"),
            line: 1, column: 1,
            "unknown section \"agent\" (did you mean \"agents\"?); allowed sections are: agents, numbers, queues, trunks, callbacks");
    }

    [Fact]
    public void Unknown_agent_key_names_the_agent_and_suggests_the_likely_key()
    {
        Load.FailsWith(
            Load.Lines("agents:", "  - extension: \"1001\"", "    name: Ana", "    secret: pw", "    skils: { sales: 7 }"),
            line: 5, column: 5,
            "agent \"1001\": unknown key \"skils\" (did you mean \"skills\"?); allowed keys are: extension, name, secret, skills");
    }

    [Fact]
    public void Unrelated_unknown_key_gets_no_suggestion()
    {
        Load.FailsWith(
            Load.Lines("agents:", "  - extension: \"1001\"", "    name: Ana", "    secret: pw", "    department: sales"),
            line: 5, column: 5,
            "agent \"1001\": unknown key \"department\"; allowed keys are: extension, name, secret, skills");
    }

    [Fact]
    public void Unknown_key_in_an_agent_without_extension_names_the_agent_by_position()
    {
        ConfigException failure = Load.Failure(
            Load.Lines("agents:", "  - name: Ana", "    secret: pw", "    ext: \"1001\""));

        Assert.Contains(failure.Errors, e => e.Line == 4 && e.Column == 5
            && e.Message == "agent #1: unknown key \"ext\"; allowed keys are: extension, name, secret, skills");
    }
}
