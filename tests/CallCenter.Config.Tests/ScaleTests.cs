using System.Text;
using CallCenter.Config.Tests.Support;

namespace CallCenter.Config.Tests;

/// <summary>Large files load completely. Speed itself is measured outside the unit tests.</summary>
public class ScaleTests
{
    private const int AgentCount = 10_000;

    [Fact]
    public void Ten_thousand_agents_load_and_are_indexed_by_extension()
    {
        CallCenterConfig config = Load.Valid(GenerateAgents(AgentCount));

        Assert.Equal(AgentCount, config.Agents.Count);
        Assert.Equal(AgentCount, config.AgentsByExtension.Count);
        Assert.True(config.TryGetAgent("20000", out AgentConfig? middle));
        Assert.Equal("Agent 5000", middle.Name);
        Assert.Equal(5000 % 10 + 1, middle.Skills["sales"]);
    }

    [Fact]
    public void Many_bad_agents_are_all_reported()
    {
        string yaml = GenerateAgents(500).Replace("sales: ", "sales: 1", StringComparison.Ordinal);

        ConfigException failure = Load.Failure(yaml);

        // Proficiencies become 11..110, all out of range: one problem per agent.
        Assert.Equal(500, failure.Errors.Count);
    }

    /// <summary>Extensions 15000.., each agent with three skills.</summary>
    internal static string GenerateAgents(int count)
    {
        var yaml = new StringBuilder("agents:\n", count * 150);
        for (int i = 0; i < count; i++)
        {
            yaml.Append("  - extension: \"").Append(15_000 + i).Append("\"\n")
                .Append("    name: \"Agent ").Append(i).Append("\"\n")
                .Append("    secret: \"secret-").Append(i).Append("\"\n")
                .Append("    skills: { sales: ").Append(i % 10 + 1).Append(", lang-en: 5, support: 3 }\n");
        }

        return yaml.Append("numbers:\n  \"100\": main\n").ToString();
    }
}
