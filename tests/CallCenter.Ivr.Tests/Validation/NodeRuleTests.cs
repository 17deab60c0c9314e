using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Loading;
using CallCenter.Ivr.Validation;
using static CallCenter.Ivr.Tests.Loading.FlowTestSupport;

namespace CallCenter.Ivr.Tests.Validation;

/// <summary>Rules about single nodes that need more than one value: digit limits, repeated keys, calendar names.</summary>
public class NodeRuleTests
{
    [Fact]
    public void Min_digits_above_max_digits_can_never_be_satisfied()
    {
        FlowProblem problem = SingleProblem(WithNodes("c", """
              c:
                type: collect
                prompts: [enter]
                variable: pin
                min-digits: 6
                max-digits: 4
                next: bye
                fallback: bye
              bye:
                type: hangup
            """));

        AssertError(problem, 4, 3, "node \"c\": \"min-digits\" (6) is more than \"max-digits\" (4), so no input could ever be accepted");
    }

    [Fact]
    public void A_menu_built_in_code_with_a_key_twice_is_refused()
    {
        var bye = new NodeRef("bye", new FlowPosition(3, 1));
        var menu = new MenuNode(
            "m", new FlowPosition(1, 1), new PromptList(["menu"], FlowPosition.File),
            [new MenuChoice('1', bye), new MenuChoice('1', bye with { Position = new FlowPosition(4, 2) })],
            TimeSpan.FromSeconds(5), 2, PromptList.Empty, PromptList.Empty, bye);
        var flow = new FlowDefinition("t", "t.yaml", "", "en", "m", [menu, new HangupNode("bye", new FlowPosition(5, 1), PromptList.Empty)], new Dictionary<string, BusinessCalendar>());

        FlowProblem problem = Assert.Single(FlowValidator.ValidateGraph(flow));

        Assert.Equal("t.yaml:4:2: error: node \"m\": key \"1\" is listed more than once; each key can lead to one node only", problem.ToString());
    }

    [Fact]
    public void An_unknown_calendar_suggests_the_likely_one_and_lists_them()
    {
        FlowProblem problem = SingleProblem("""
            flow: test
            start: b
            calendars:
              business-hours:
                time-zone: UTC
                hours: { mon: "09:00-17:00" }
            nodes:
              b:
                type: branch
                rules:
                  - if: { closed: busines-hours }
                    goto: bye
                else: bye
              bye:
                type: hangup
            """);

        AssertError(problem, 11, 15, "node \"b\": \"closed\" names calendar \"busines-hours\" but there is no such calendar (did you mean \"business-hours\"?); the calendars are: business-hours");
    }

    [Fact]
    public void A_calendar_in_a_flow_without_calendars_says_so()
    {
        FlowProblem problem = SingleProblem(WithNodes("b", """
              b:
                type: branch
                rules: [{ if: { open: office }, goto: bye }]
                else: bye
              bye:
                type: hangup
            """));

        AssertError(problem, 6, 21, "node \"b\": \"open\" names calendar \"office\" but there is no such calendar; this flow has no \"calendars\" section");
    }

    [Fact]
    public void A_calendar_with_its_own_error_is_not_also_called_unknown()
    {
        FlowProblem problem = SingleProblem("""
            flow: test
            start: b
            calendars:
              office:
                time-zone: Mars/Olympus
                hours: { mon: "09:00-17:00" }
            nodes:
              b:
                type: branch
                rules: [{ if: { open: office }, goto: bye }]
                else: bye
              bye:
                type: hangup
            """);

        AssertError(problem, 5, 16, "\"Mars/Olympus\" is not a known time zone");
    }
}
