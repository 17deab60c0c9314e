using CallCenter.Config.Tests.Support;

namespace CallCenter.Config.Tests;

public class RequiredFieldTests
{
    [Fact]
    public void Missing_extension_is_reported_at_the_agent()
    {
        Load.FailsWith(
            Load.Lines("agents:", "  - name: Ana", "    secret: pw"),
            line: 2, column: 5,
            "agent #1: missing required key \"extension\"");
    }

    [Fact]
    public void Missing_name_is_reported_at_the_agent()
    {
        Load.FailsWith(
            Load.Lines("agents:", "  - extension: \"1001\"", "    secret: pw"),
            line: 2, column: 5,
            "agent \"1001\": missing required key \"name\"");
    }

    [Fact]
    public void Missing_secret_is_reported_at_the_agent()
    {
        Load.FailsWith(
            Load.Lines("agents:", "  - extension: \"1001\"", "    name: Ana"),
            line: 2, column: 5,
            "agent \"1001\": missing required key \"secret\"");
    }

    [Fact]
    public void Empty_name_is_refused()
    {
        Load.FailsWith(
            Load.Lines("agents:", "  - extension: \"1001\"", "    name:", "    secret: pw"),
            line: 3, column: 10,
            "agent \"1001\": name is empty; it must be the agent's name, such as \"Ana Santos\"");
    }

    [Fact]
    public void Blank_name_is_refused()
    {
        Load.FailsWith(
            Load.Lines("agents:", "  - extension: \"1001\"", "    name: \"   \"", "    secret: pw"),
            line: 3, column: 11,
            "agent \"1001\": name is blank; it must be the agent's name, such as \"Ana Santos\"");
    }

    [Fact]
    public void Name_with_a_line_break_is_refused()
    {
        Load.FailsWith(
            Load.Lines("agents:", "  - extension: \"1001\"", "    name: \"Ana\\r\\nVia: evil\"", "    secret: pw"),
            line: 3, column: 11,
            "agent \"1001\": name must not contain line breaks, tabs or other control characters");
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        Load.FailsWith(
            "# nothing configured yet\n",
            line: 1, column: 1,
            "the file has no settings; it must contain sections such as \"agents:\" and \"numbers:\"");
    }

    [Fact]
    public void Agent_that_is_an_empty_item_is_refused()
    {
        Load.FailsWith(
            Load.Lines("agents:", "  -"),
            line: 2, column: 4,
            "agent #1 must be a mapping with the keys extension, name, secret and skills (found an empty value)");
    }
}
