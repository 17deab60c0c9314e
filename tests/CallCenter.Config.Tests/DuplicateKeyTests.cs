using CallCenter.Config.Tests.Support;

namespace CallCenter.Config.Tests;

public class DuplicateKeyTests
{
    [Fact]
    public void Repeated_key_in_an_agent_names_the_first_line()
    {
        Load.FailsWith(
            Load.Lines("agents:", "  - extension: \"1001\"", "    name: \"Ana\"", "    secret: pw", "    name: \"Bea\""),
            line: 5, column: 5,
            "duplicate key \"name\": it is already used on line 3 of this mapping");
    }

    [Fact]
    public void Repeated_top_level_section_is_reported()
    {
        Load.FailsWith(
            Load.Lines("numbers: {}", "agents: []", "numbers: {}"),
            line: 3, column: 1,
            "duplicate key \"numbers\": it is already used on line 1 of this mapping");
    }

    [Fact]
    public void Quoted_and_unquoted_forms_of_the_same_number_are_duplicates()
    {
        Load.FailsWith(
            Load.Lines("numbers:", "  \"100\": main", "  100: survey"),
            line: 3, column: 3,
            "duplicate key \"100\": it is already used on line 2 of this mapping");
    }

    [Fact]
    public void Repeated_skill_is_reported()
    {
        Load.FailsWith(
            AgentYaml.OneAgent(skills: "{ sales: 7, sales: 8 }"),
            line: 5, column: 25,
            "duplicate key \"sales\": it is already used on line 5 of this mapping");
    }

    [Fact]
    public void Non_scalar_key_is_refused()
    {
        Load.FailsWith(
            Load.Lines("numbers:", "  ? [100, 200]", "  : main"),
            line: 2, column: 5,
            "a key must be a single value such as a name or number (found a list)");
    }
}
