using CallCenter.Config.Tests.Support;

namespace CallCenter.Config.Tests;

public class SkillTests
{
    [Fact]
    public void Proficiency_above_ten_gives_the_documented_message()
    {
        Load.FailsWith(
            Load.Lines(
                "agents:",
                "  - extension: \"1002\"",
                "    name: Ben",
                "    secret: pw",
                "    skills:",
                "      sales: 12"),
            line: 6, column: 14,
            "agent \"1002\": skill \"sales\" proficiency must be a whole number from 1 to 10 (found 12)");
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("11", "11")]
    [InlineData("-3", "-3")]
    [InlineData("7.5", "7.5")]
    [InlineData("\"7\"", "\"7\"")]
    [InlineData("high", "\"high\"")]
    [InlineData("true", "true")]
    [InlineData("99999999999999999999", "99999999999999999999")]
    [InlineData("[7]", "a list")]
    public void Proficiency_outside_one_to_ten_is_refused(string written, string found)
    {
        Load.FailsWith(
            AgentYaml.OneAgent(skills: $"{{ sales: {written} }}"),
            line: 5, column: 22,
            $"agent \"1001\": skill \"sales\" proficiency must be a whole number from 1 to 10 (found {found})");
    }

    [Fact]
    public void Missing_proficiency_is_refused()
    {
        Load.FailsWith(
            AgentYaml.OneAgent(skills: "{ sales: }"),
            line: 5, column: 22,
            "agent \"1001\": skill \"sales\" proficiency must be a whole number from 1 to 10 (found an empty value)");
    }

    [Theory]
    [InlineData("Sales")]
    [InlineData("-sales")]
    [InlineData("lang_en")]
    [InlineData("lang en")]
    public void Skill_name_that_is_not_lowercase_words_is_refused(string skill)
    {
        Load.FailsWith(
            AgentYaml.OneAgent(skills: $"{{ \"{skill}\": 5 }}"),
            line: 5, column: 15,
            $"agent \"1001\": skill name \"{skill}\" must be lowercase letters, digits and '-', starting with a letter or digit (such as sales or lang-en)");
    }

    [Fact]
    public void Valid_skills_are_kept()
    {
        CallCenterConfig config = Load.Valid(AgentYaml.OneAgent(skills: "{ sales: 1, lang-en: 10, 2nd-line: 0x5, tier3: 0o7 }"));

        IReadOnlyDictionary<string, int> skills = Assert.Single(config.Agents).Skills;
        Assert.Equal(
            new Dictionary<string, int> { ["sales"] = 1, ["lang-en"] = 10, ["2nd-line"] = 5, ["tier3"] = 7 },
            skills);
    }

    [Fact]
    public void Agent_without_skills_has_none()
    {
        CallCenterConfig config = Load.Valid(Load.Lines("agents:", "  - { extension: \"1001\", name: Ana, secret: pw }"));

        Assert.Empty(Assert.Single(config.Agents).Skills);
    }
}
