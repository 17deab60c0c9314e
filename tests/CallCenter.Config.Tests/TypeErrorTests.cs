using CallCenter.Config.Tests.Support;

namespace CallCenter.Config.Tests;

public class TypeErrorTests
{
    [Fact]
    public void Top_level_must_be_a_mapping()
    {
        Load.FailsWith(
            Load.Lines("- agents"),
            line: 1, column: 1,
            "the top level of the file must be sections such as \"agents:\" and \"numbers:\" (found a list)");
    }

    [Fact]
    public void Agents_must_be_a_list()
    {
        Load.FailsWith(
            Load.Lines("agents:", "  extension: \"1001\""),
            line: 2, column: 3,
            "agents must be a list of agents, each item starting with \"- extension:\" (found a mapping)");
    }

    [Fact]
    public void Each_agent_must_be_a_mapping()
    {
        Load.FailsWith(
            Load.Lines("agents:", "  - \"1001\""),
            line: 2, column: 5,
            "agent #1 must be a mapping with the keys extension, name, secret and skills (found \"1001\")");
    }

    [Fact]
    public void Name_must_be_a_single_value()
    {
        Load.FailsWith(
            Load.Lines("agents:", "  - extension: \"1001\"", "    name: [Ana, Santos]", "    secret: pw"),
            line: 3, column: 11,
            "agent \"1001\": name must be the agent's name, such as \"Ana Santos\" (found a list)");
    }

    [Fact]
    public void Extension_must_not_be_a_boolean()
    {
        Load.FailsWith(
            AgentYaml.OneAgent(extension: "true"),
            line: 2, column: 16,
            "agent #1: extension must be the SIP user name the softphone registers with, such as \"1001\" (found true)");
    }

    [Fact]
    public void Skills_must_be_a_mapping()
    {
        Load.FailsWith(
            AgentYaml.OneAgent(skills: "[sales, support]"),
            line: 5, column: 13,
            "agent \"1001\": skills must be a mapping of skill name to proficiency, such as { sales: 7, lang-en: 5 } (found a list)");
    }

    [Fact]
    public void Numbers_must_be_a_mapping()
    {
        Load.FailsWith(
            Load.Lines("numbers:", "  - \"100\""),
            line: 2, column: 3,
            "numbers must be a mapping of dialled number to flow name, such as \"100\": main (found a list)");
    }

    [Fact]
    public void Flow_name_must_be_a_single_value()
    {
        Load.FailsWith(
            Load.Lines("numbers:", "  \"100\": { flow: main }"),
            line: 2, column: 10,
            "number \"100\": flow name must be the name of an IVR flow, such as main (found a mapping)");
    }

    [Fact]
    public void Empty_sections_are_read_as_empty()
    {
        CallCenterConfig config = Load.Valid(Load.Lines("agents:", "numbers:"));

        Assert.Empty(config.Agents);
        Assert.Empty(config.Numbers);
    }
}
