using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Sipp;
using CallCenter.Ivr.Loading;

namespace CallCenter.Interop.Tests.Unit;

/// <summary>
/// The pieces the IVR interop tests stand on: the copy of the main line with its business hours replaced, the SIP INFO
/// keypad scenario, and the server configuration with skills and numbers.
/// </summary>
public sealed class IvrTestSupportTests
{
    private static readonly DateTimeOffset[] Instants =
    [
        new(2026, 12, 25, 3, 0, 0, TimeSpan.Zero), // a holiday of the sample calendar, before opening time in Manila
        new(2027, 3, 7, 15, 30, 0, TimeSpan.Zero), // a Sunday night in Manila
        new(2027, 3, 8, 2, 0, 0, TimeSpan.Zero), // a Monday morning in Manila, inside the sample hours
    ];

    [Theory]
    [InlineData(MainFlowCopy.AlwaysOpen, true)]
    [InlineData(MainFlowCopy.AlwaysClosed, false)]
    public void The_main_line_copy_is_open_or_closed_at_every_instant_and_otherwise_unchanged(string hours, bool open)
    {
        using var workspace = new InteropWorkspace("main-flow-copy");

        var folder = MainFlowCopy.Write(workspace, hours);

        var loaded = FlowLoader.LoadFile(Path.Combine(folder, "main.yaml"), prompts: null);
        Assert.True(loaded.Flow is not null, string.Join('\n', loaded.Problems));
        var calendar = loaded.Flow.Calendars["business-hours"];
        Assert.Empty(calendar.Holidays);
        Assert.All(Instants, instant => Assert.Equal(open, calendar.IsOpen(instant)));
        var sample = FlowLoader.LoadFile(Path.Combine(ServerHost.SampleFlowsDirectory, "main.yaml"), prompts: null).Flow!;
        Assert.Equal(sample.Nodes.Select(n => n.Id), loaded.Flow.Nodes.Select(n => n.Id));
        Assert.Equal(
            Directory.EnumerateFiles(ServerHost.SampleFlowsDirectory, "*.yaml").Select(Path.GetFileName).Order(),
            Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void The_info_keypad_scenario_sends_each_key_after_its_pause_in_its_own_transaction()
    {
        var xml = InfoKeypadScenario.Render([(TimeSpan.FromSeconds(8.5), '1'), (TimeSpan.FromMilliseconds(400), '#')], TimeSpan.FromSeconds(40));

        var document = System.Xml.Linq.XDocument.Parse(xml);
        var steps = document.Root!.Elements().Select(e => e.Name.LocalName).ToArray();
        Assert.Equal(["send", "recv", "recv", "send", "pause", "send", "recv", "pause", "send", "recv", "recv", "send"], steps);
        Assert.Equal(["8500", "400"], document.Root.Elements("pause").Select(p => p.Attribute("milliseconds")!.Value));
        Assert.Contains("CSeq: 2 INFO", xml, StringComparison.Ordinal);
        Assert.Contains("Signal=1", xml, StringComparison.Ordinal);
        Assert.Contains("CSeq: 3 INFO", xml, StringComparison.Ordinal);
        Assert.Contains("Signal=#", xml, StringComparison.Ordinal);
        Assert.Equal("40000", document.Root.Elements("recv").Last().Attribute("timeout")!.Value);
        Assert.DoesNotContain("telephone-event", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_server_config_carries_each_agents_skills_and_routes_100_to_the_agent_line_by_default()
    {
        var agent = new TestAgent("1002", "pw") { Skills = new Dictionary<string, int> { ["billing"] = 6, ["lang-en"] = 8 } };

        var yaml = ServerConfigWriter.Render([TestAgent.Default, agent]);
        var main = ServerConfigWriter.Render([agent], new Dictionary<string, string> { ["100"] = "main" });

        Assert.Contains("    skills: { sales: 5, lang-en: 5 }\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    skills: { billing: 6, lang-en: 8 }\n", yaml, StringComparison.Ordinal);
        Assert.EndsWith("numbers:\n  \"100\": agent-line\n" + ServerConfigWriter.LoopbackTrunk, yaml, StringComparison.Ordinal);
        Assert.EndsWith("numbers:\n  \"100\": main\n" + ServerConfigWriter.LoopbackTrunk, main, StringComparison.Ordinal);
    }
}
