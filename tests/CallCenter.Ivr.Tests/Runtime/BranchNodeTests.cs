using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Runtime;

namespace CallCenter.Ivr.Tests.Runtime;

public class BranchNodeTests
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static FlowHarness Branch(TestFlow flow, params (BranchCondition[] Conditions, string Target)[] rules) =>
        Branch(flow, caller: "+639171234567", rules);

    private static FlowHarness Branch(TestFlow flow, string caller, params (BranchCondition[] Conditions, string Target)[] rules) =>
        Branch(flow, caller, null, rules);

    private static FlowHarness Branch(TestFlow flow, DateTimeOffset now, params (BranchCondition[] Conditions, string Target)[] rules) =>
        Branch(flow, "+639171234567", now, rules);

    private static FlowHarness Branch(TestFlow flow, string caller, DateTimeOffset? now, (BranchCondition[] Conditions, string Target)[] rules) =>
        new FlowHarness(flow
            .Branch("check", "else", rules)
            .Hangup("a", "a")
            .Hangup("b", "b")
            .Hangup("else", "else")
            .Build(), caller: caller, now: now);

    private static TestFlow WithCalendar() => new TestFlow("main")
        .StartAt("check")
        .Calendar("business-hours", "Asia/Manila", "08:00", "18:00", Weekdays, "2026-12-25");

    [Fact]
    public void The_first_rule_that_holds_wins()
    {
        var h = Branch(new TestFlow("main").StartAt("check"), (When.IsSet("caller"), "a"), (When.IsSet("dialled"), "b")).Started();

        Assert.Equal("a", h.Run.NodeId);
        Assert.Equal("caller is set", h.StepsOf(FlowStepKind.BranchTaken).Single().Detail);
    }

    [Fact]
    public void Otherwise_goes_to_else()
    {
        var h = Branch(new TestFlow("main").StartAt("check"), (When.IsSet("nothing"), "a")).Started();

        Assert.Equal("else", h.Run.NodeId);
        Assert.Equal("otherwise", h.StepsOf(FlowStepKind.BranchTaken).Single().Detail);
    }

    [Theory]
    [InlineData("TL", true)]
    [InlineData("en", false)]
    public void Variable_equals_ignores_case(string language, bool expected)
    {
        var h = Branch(new TestFlow("main").Set("set", "check", ("language", language)), (When.Equal("language", "tl"), "a")).Started();

        Assert.Equal(expected ? "a" : "else", h.Run.NodeId);
    }

    [Fact]
    public void Variable_not_equals_holds_for_an_unset_variable()
    {
        var h = Branch(new TestFlow("main").StartAt("check"), (When.NotEqual("tier", "gold"), "a")).Started();

        Assert.Equal("a", h.Run.NodeId);
    }

    [Theory]
    [InlineData("123456", "a")]
    [InlineData("12345", "else")]
    public void Variable_matches_the_whole_pattern(string account, string expected)
    {
        var h = Branch(new TestFlow("main").Set("set", "check", ("account", account)), (When.Matches("account", "[0-9]{6}"), "a")).Started();

        Assert.Equal(expected, h.Run.NodeId);
    }

    [Theory]
    [InlineData("+639171234567", "a")]
    [InlineData("+6581234567", "else")]
    public void Caller_pattern_matches_the_whole_number(string caller, string expected)
    {
        var h = Branch(new TestFlow("main").StartAt("check"), caller, (When.Caller("\\+63.*"), "a")).Started();

        Assert.Equal(expected, h.Run.NodeId);
    }

    [Fact]
    public void Agents_available_asks_the_call_for_the_skill_with_templates_filled_in()
    {
        var h = Branch(new TestFlow("main").Set("set", "check", ("language", "tl")), (When.AgentsAvailable("billing"), "a"), (When.AgentsAvailable("lang-${language}"), "b"));
        h.Host.SkillsWithAgents.Add("lang-tl");

        h.Run.Start();

        Assert.Equal("b", h.Run.NodeId);
    }

    [Theory]
    [InlineData("2026-11-22T23:59:59Z", false)]   // Monday 07:59:59 in Manila
    [InlineData("2026-11-23T00:00:00Z", true)]    // Monday 08:00:00, opening time (UTC still says 00:00)
    [InlineData("2026-11-23T09:59:59Z", true)]    // Monday 17:59:59
    [InlineData("2026-11-23T10:00:00Z", false)]   // Monday 18:00:00, closing time
    [InlineData("2026-11-27T16:30:00Z", false)]   // Saturday 00:30 in Manila, though still Friday afternoon in UTC
    [InlineData("2026-11-28T02:00:00Z", false)]   // Saturday 10:00
    public void Open_follows_the_calendar_in_its_own_zone(string utc, bool open)
    {
        var now = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        var h = Branch(WithCalendar(), now, (When.Open("business-hours"), "a")).Started();

        Assert.Equal(open ? "a" : "else", h.Run.NodeId);
    }

    [Fact]
    public void A_holiday_is_closed_all_day()
    {
        var christmasMorning = new DateTimeOffset(2026, 12, 25, 2, 0, 0, TimeSpan.Zero);   // Friday 10:00 in Manila
        var h = Branch(WithCalendar(), christmasMorning, (When.Closed("business-hours"), "a")).Started();

        Assert.Equal("a", h.Run.NodeId);
    }

    [Fact]
    public void Closed_does_not_hold_in_opening_hours()
    {
        var tuesdayMorning = new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);      // Tuesday 10:00 in Manila
        var h = Branch(WithCalendar(), tuesdayMorning, (When.Closed("business-hours"), "a")).Started();

        Assert.Equal("else", h.Run.NodeId);
    }

    [Fact]
    public void The_calendar_is_asked_at_the_time_the_branch_is_reached()
    {
        var beforeOpening = new DateTimeOffset(2026, 11, 22, 23, 50, 0, TimeSpan.Zero);   // Monday 07:50 in Manila
        var h = new FlowHarness(WithCalendar()
            .StartAt("wait")
            .Menu("wait", fallback: "check", keys: "1=check", retries: 0, timeoutSeconds: 600)
            .Branch("check", "else", (When.Open("business-hours"), "a"))
            .Hangup("a", "a")
            .Hangup("else", "else")
            .Build(), now: beforeOpening).Started();
        h.FinishPrompt();

        h.Advance(600);                                                                       // 08:00 when the menu gives up

        Assert.Equal("a", h.Run.NodeId);
    }

    [Fact]
    public void All_conditions_of_a_rule_must_hold()
    {
        BranchCondition[] both = [.. When.IsSet("caller"), .. When.Equal("language", "tl")];
        var h = Branch(new TestFlow("main").StartAt("check"), (both, "a")).Started();

        Assert.Equal("else", h.Run.NodeId);
    }
}
