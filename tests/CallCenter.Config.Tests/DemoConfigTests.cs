using System.Text.RegularExpressions;

namespace CallCenter.Config.Tests;

/// <summary>The config/callcenter.yaml shipped to operators (linked into the test output).</summary>
public class DemoConfigTests
{
    private static readonly string DemoPath = Path.Combine(AppContext.BaseDirectory, "DemoConfig", "callcenter.yaml");

    private static readonly string[] DemoSkills = ["sales", "support", "billing", "general", "lang-en", "lang-tl", "lang-ms"];

    [Fact]
    public void Demo_file_loads_with_four_agents_and_three_numbers()
    {
        CallCenterConfig config = ConfigLoader.Load(DemoPath);

        Assert.Equal(["1001", "1002", "1003", "1004"], config.Agents.Select(a => a.Extension));
        Assert.Equal(new Dictionary<string, string> { ["100"] = "main", ["101"] = "agent-line", ["200"] = "survey" }, config.Numbers);
    }

    [Fact]
    public void Demo_agents_use_demo_passwords_and_the_documented_skills()
    {
        CallCenterConfig config = ConfigLoader.Load(DemoPath);

        Assert.All(config.Agents, agent =>
        {
            Assert.Equal($"demo-{agent.Extension}-secret", agent.Secret.RevealPassword());
            Assert.NotEmpty(agent.Skills);
            Assert.All(agent.Skills.Keys, skill => Assert.Contains(skill, DemoSkills));
            Assert.False(string.IsNullOrWhiteSpace(agent.Name));
        });
    }

    [Fact]
    public void Demo_file_tells_operators_to_change_the_secrets()
    {
        string text = File.ReadAllText(DemoPath);

        Assert.Contains("CHANGE EVERY DEMO SECRET", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_file_has_the_four_queues_a_placeholder_trunk_and_callbacks()
    {
        CallCenterConfig config = ConfigLoader.Load(DemoPath);

        Assert.Equal(["sales", "support", "billing", "general"], config.Queues.Select(q => q.Name));
        Assert.All(config.Queues, queue => Assert.All(queue.Skills.Keys, skill => Assert.Contains(skill, DemoSkills)));
        TrunkConfig trunk = Assert.Single(config.Trunks);
        Assert.Equal(("127.0.0.1", 5080, "PH"), (trunk.Host, trunk.Port, trunk.DefaultRegion));
        Assert.Equal(new CallbackSettings("demo-provider", 3, TimeSpan.FromMinutes(5), "Call Center"), config.Callbacks);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("tl")]
    [InlineData("ms")]
    public void Every_queue_node_of_the_main_flow_finds_a_demo_queue(string language)
    {
        CallCenterConfig config = ConfigLoader.Load(DemoPath);
        string flow = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DemoConfig", "main.yaml"));
        string[][] queueNodeSkills =
        [
            .. Regex.Matches(flow, @"type: queue\s+skills: \[(?<skills>[^\]]*)\]")
                .Select(m => m.Groups["skills"].Value.Split(',', StringSplitOptions.TrimEntries)
                    .Select(s => s.Trim('"').Replace("${language}", language, StringComparison.Ordinal))
                    .ToArray()),
        ];

        Assert.Equal(4, queueNodeSkills.Length);
        Assert.All(queueNodeSkills, skills => Assert.True(config.TryFindQueue(skills, out _), string.Join(", ", skills)));
    }
}
