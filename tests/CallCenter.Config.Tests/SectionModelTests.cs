using CallCenter.Config.Tests.Support;

namespace CallCenter.Config.Tests;

public class SectionModelTests
{
    [Fact]
    public void A_file_without_the_new_sections_has_no_queues_trunks_or_callbacks()
    {
        CallCenterConfig config = Load.Valid(AgentYaml.OneAgent());

        Assert.Empty(config.Queues);
        Assert.Empty(config.QueuesByName);
        Assert.Empty(config.Trunks);
        Assert.Empty(config.TrunksByName);
        Assert.Null(config.Callbacks);
    }

    [Fact]
    public void Duplicate_queue_names_are_refused_by_the_model()
    {
        QueueConfig queue = Load.Valid(QueueYaml.Sales()).Queues[0];

        Assert.Throws<ArgumentException>(() => new CallCenterConfig([], [], "x.yaml", queues: [queue, queue]));
    }

    [Fact]
    public void Duplicate_trunk_names_are_refused_by_the_model()
    {
        TrunkConfig trunk = Load.Valid(QueueYaml.Provider()).Trunks[0];

        Assert.Throws<ArgumentException>(() => new CallCenterConfig([], [], "x.yaml", trunks: [trunk, trunk]));
    }

    [Fact]
    public void Queues_and_trunks_keep_file_order_and_are_indexed_by_name()
    {
        CallCenterConfig config = Load.Valid(Load.Lines(
            "queues:",
            "  zeta: { skills: { sales: 1 } }",
            "  alpha: { skills: { billing: 1 } }",
            "trunks:",
            "  second: { host: b.example.net, caller-id: \"+6328881234\", default-region: PH }",
            "  first: { host: a.example.net, caller-id: \"+6328881234\", default-region: PH }"));

        Assert.Equal(["zeta", "alpha"], config.Queues.Select(q => q.Name));
        Assert.Same(config.Queues[1], config.QueuesByName["alpha"]);
        Assert.Equal(["second", "first"], config.Trunks.Select(t => t.Name));
        Assert.Same(config.Trunks[1], config.TrunksByName["first"]);
    }

    [Fact]
    public void Duplicate_queue_names_in_the_file_are_reported_as_duplicate_keys()
    {
        ConfigError error = Assert.Single(Load.Failure(QueueYaml.Sales("  sales:", "    skills: { sales: 3 }")).Errors);

        Assert.Equal((4, 3), (error.Line, error.Column));
    }
}
