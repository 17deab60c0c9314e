using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Loading;
using CallCenter.Ivr.Prompts;
using static CallCenter.Ivr.Tests.Loading.FlowTestSupport;

namespace CallCenter.Ivr.Tests.Loading;

/// <summary>The flows shipped in ivr-flows/ load, with the prompts the prompt scripts generate.</summary>
public class SampleFlowTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "SampleFlows");

    // The prompt script lists (scripts/prompts*.txt): what the tl and ms sets lack falls back to English.
    private static readonly IPromptCatalog Prompts = new FakePromptCatalog(
        ["en", "ms", "tl"],
        (language, name) => language == "en" || !(name.StartsWith("main/", StringComparison.Ordinal) && name is not ("main/main-menu" or "main/enter-account" or "main/invalid-account" or "main/you-entered")));

    [Fact]
    public void The_sample_folder_loads_without_errors()
    {
        FlowSet set = FlowSetLoader.LoadDirectory(Folder, Prompts);

        Assert.False(set.HasErrors, string.Join(Environment.NewLine, set.Problems));
        Assert.Equal(["agent-line", "callback-offer", "main", "survey"], set.Flows.Keys.Order());
        Assert.Equal(4, set.FilesChecked);
    }

    [Fact]
    public void Prompts_missing_in_filipino_and_malay_are_warnings_that_name_the_node()
    {
        FlowSet set = FlowSetLoader.LoadDirectory(Folder, Prompts);

        FlowProblem welcome = Assert.Single(set.Problems, p => p.Message.StartsWith("node \"welcome\":", StringComparison.Ordinal));
        Assert.Equal(FlowProblemSeverity.Warning, welcome.Severity);
        Assert.Equal(Path.Combine(Folder, "main.yaml") + ":26:14: warning: node \"welcome\": prompt \"main/welcome\" is not recorded in ms, tl, so it falls back to English for callers using those languages", welcome.ToString());
        Assert.Equal($"4 flows checked: 0 errors, {set.WarningCount} warnings", set.Summary);
    }

    [Fact]
    public void The_main_flow_reads_as_written()
    {
        FlowDefinition main = FlowSetLoader.LoadDirectory(Folder, Prompts).Flows["main"];

        Assert.Equal("welcome", main.Start);
        Assert.Equal("en", main.DefaultLanguage);
        var billing = Assert.IsType<CollectNode>(main["billing"]);
        Assert.Equal((6, 10, '#'), (billing.MinDigits, billing.MaxDigits, billing.Terminator));
        Assert.True(billing.Pattern!.IsMatch("123456"));
        Assert.False(billing.Pattern.IsMatch("12345"));
        Assert.Equal(["no-input"], billing.NoInputPrompts.Names);
        var menu = Assert.IsType<MenuNode>(main["main-menu"]);
        Assert.Equal("1234", string.Concat(menu.Choices.Select(c => c.Key)));
        Assert.Equal(TimeSpan.FromSeconds(6), menu.Timeout);
        var calendar = main.Calendars["business-hours"];
        Assert.Equal(6, calendar.Hours.Count);
        Assert.Contains(new DateOnly(2026, 12, 25), calendar.Holidays);
    }
}
