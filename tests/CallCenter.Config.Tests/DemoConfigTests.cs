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
}
