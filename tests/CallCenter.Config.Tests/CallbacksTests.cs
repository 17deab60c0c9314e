using CallCenter.Config.Tests.Support;

namespace CallCenter.Config.Tests;

public class CallbacksTests
{
    [Fact]
    public void Callbacks_name_a_trunk_and_get_the_defaults()
    {
        CallbackSettings? callbacks = Load.Valid(QueueYaml.Provider() + "callbacks: { trunk: provider }\n").Callbacks;

        Assert.Equal(new CallbackSettings("provider", 3, TimeSpan.FromMinutes(5), "Call Center"), callbacks);
    }

    [Fact]
    public void Every_setting_is_read()
    {
        string yaml = QueueYaml.Provider() + Load.Lines("callbacks:", "  trunk: provider", "  attempts: 5", "  retry-after: 15m", "  from-name: \"Acme Support\"");

        Assert.Equal(new CallbackSettings("provider", 5, TimeSpan.FromMinutes(15), "Acme Support"), Load.Valid(yaml).Callbacks);
    }

    [Fact]
    public void Without_the_section_callbacks_are_not_configured()
    {
        Assert.Null(Load.Valid(QueueYaml.Provider()).Callbacks);
    }

    [Fact]
    public void An_undefined_trunk_gets_a_suggestion()
    {
        Load.FailsWith(
            QueueYaml.Provider() + "callbacks: { trunk: provder }\n",
            line: 6, column: 21,
            "callbacks: trunk \"provder\" is not defined (did you mean \"provider\"?); defined trunks are: provider");
    }

    [Fact]
    public void A_trunk_with_no_trunks_section_says_so()
    {
        Load.FailsWith(
            "callbacks: { trunk: provider }\n",
            line: 1, column: 21,
            "callbacks: trunk \"provider\" is not defined; no trunks are defined; add a \"trunks:\" section");
    }

    [Fact]
    public void A_trunk_that_has_its_own_problems_is_not_also_reported_as_undefined()
    {
        ConfigError error = Load.SingleError(Load.Lines("trunks:", "  provider: { host: sip.example.net }", "callbacks: { trunk: provider }").Replace("host: sip.example.net", "host: sip.example.net, caller-id: \"+6328881234\", default-region: ph", StringComparison.Ordinal));

        Assert.StartsWith("trunk \"provider\": default-region must be", error.Message);
    }

    [Fact]
    public void The_callbacks_section_may_come_before_the_trunks()
    {
        string yaml = "callbacks: { trunk: provider }\n" + QueueYaml.Provider();

        Assert.Equal("provider", Load.Valid(yaml).Callbacks!.Trunk);
    }

    [Fact]
    public void Missing_trunk_is_reported()
    {
        Load.FailsWith(
            QueueYaml.Provider() + "callbacks: { attempts: 3 }\n",
            line: 6, column: 12,
            "callbacks: missing required key \"trunk\"");
    }

    [Theory]
    [InlineData("attempts: 0", 41, "callbacks: attempts must be a whole number from 1 to 10 (found 0)")]
    [InlineData("retry-after: 10s", 44, "callbacks: retry-after must be a duration such as 30s, 2m or 1h30m, from 1m to 24h (found \"10s\")")]
    [InlineData("trunks: provider", 31, "callbacks: unknown key \"trunks\" (did you mean \"trunk\"?); allowed keys are: trunk, attempts, retry-after, from-name")]
    public void Bad_settings_are_reported(string setting, int column, string message)
    {
        string yaml = QueueYaml.Provider() + $"callbacks: {{ trunk: provider, {setting} }}\n";

        ConfigError error = Load.SingleError(yaml);

        Assert.Equal((6, column, message), (error.Line, error.Column, error.Message));
    }

    [Fact]
    public void Callbacks_that_are_not_a_mapping_are_refused()
    {
        Load.FailsWith(
            "callbacks: provider\n",
            line: 1, column: 12,
            "callbacks must be a mapping such as { trunk: provider, attempts: 3, retry-after: 5m } (found \"provider\")");
    }
}
