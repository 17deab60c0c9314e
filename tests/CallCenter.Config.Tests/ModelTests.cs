namespace CallCenter.Config.Tests;

public class ModelTests
{
    private static AgentConfig Agent(string extension, params (string Skill, int Level)[] skills) =>
        new(extension, "Agent " + extension, AgentSecret.FromPassword("pw-" + extension), skills.ToDictionary(s => s.Skill, s => s.Level));

    [Fact]
    public void Agents_are_indexed_by_extension()
    {
        var config = new CallCenterConfig([Agent("1001"), Agent("1002")], [], "x.yaml");

        Assert.True(config.TryGetAgent("1002", out AgentConfig? found));
        Assert.Equal("Agent 1002", found.Name);
        Assert.False(config.TryGetAgent("1003", out _));
        Assert.Same(config.Agents[0], config.AgentsByExtension["1001"]);
    }

    [Fact]
    public void Duplicate_extensions_are_refused_by_the_model()
    {
        Assert.Throws<ArgumentException>(() => new CallCenterConfig([Agent("1001"), Agent("1001")], [], "x.yaml"));
    }

    [Fact]
    public void Model_copies_its_inputs_so_later_changes_do_not_leak_in()
    {
        var skills = new Dictionary<string, int> { ["sales"] = 3 };
        var agent = new AgentConfig("1001", "Ana", AgentSecret.FromPassword("pw"), skills);
        var agents = new List<AgentConfig> { agent };
        var numbers = new Dictionary<string, string> { ["100"] = "main" };
        var config = new CallCenterConfig(agents, numbers, "x.yaml");

        skills["sales"] = 9;
        agents.Clear();
        numbers["200"] = "survey";

        Assert.Equal(3, config.Agents[0].Skills["sales"]);
        Assert.Single(config.Agents);
        Assert.Single(config.Numbers);
    }

    [Fact]
    public void Collections_cannot_be_modified_through_their_interfaces()
    {
        var config = new CallCenterConfig([Agent("1001", ("sales", 3))], [new("100", "main")], "x.yaml");

        Assert.True(((ICollection<AgentConfig>)config.Agents).IsReadOnly);
        Assert.True(((ICollection<KeyValuePair<string, string>>)config.Numbers).IsReadOnly);
        Assert.True(((ICollection<KeyValuePair<string, int>>)config.Agents[0].Skills).IsReadOnly);
        Assert.True(((ICollection<KeyValuePair<string, AgentConfig>>)config.AgentsByExtension).IsReadOnly);
    }

    [Fact]
    public void Agent_ToString_identifies_the_agent_without_its_secret()
    {
        AgentConfig agent = Agent("1001");

        Assert.Equal("agent 1001 \"Agent 1001\"", agent.ToString());
    }
}
