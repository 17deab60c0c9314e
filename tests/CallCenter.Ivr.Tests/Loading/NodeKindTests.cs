using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Loading;
using static CallCenter.Ivr.Tests.Loading.FlowTestSupport;

namespace CallCenter.Ivr.Tests.Loading;

/// <summary>Each node kind reads into its model, with the documented defaults for the keys left out.</summary>
public class NodeKindTests
{
    private const string Bye = "  bye:\n    type: hangup\n";

    [Fact]
    public void Play_takes_one_name_or_a_list_and_is_interruptible_by_default()
    {
        FlowDefinition flow = LoadValid(WithNodes("a", """
              a:
                type: play
                prompts: welcome
                next: b
              b:
                type: play
                prompts: [one, digits/3]
                interruptible: false
                next: bye

            """ + Bye));

        var a = Assert.IsType<PlayNode>(flow["a"]);
        Assert.Equal(["welcome"], a.Prompts.Names);
        Assert.True(a.Interruptible);
        Assert.Equal(new NodeRef("b", new FlowPosition(7, 11)), a.Next);
        Assert.Equal(new FlowPosition(4, 3), a.Position);
        var b = Assert.IsType<PlayNode>(flow["b"]);
        Assert.Equal(["one", "digits/3"], b.Prompts.Names);
        Assert.Equal(new FlowPosition(10, 14), b.Prompts.Position);
        Assert.False(b.Interruptible);
    }

    [Fact]
    public void Menu_defaults_are_five_seconds_two_retries_and_the_standard_prompts()
    {
        FlowDefinition flow = LoadValid(WithNodes("m", """
              m:
                type: menu
                prompts: [menu]
                keys: { "1": bye, 2: bye, "*": m, "#": bye }
                fallback: bye

            """ + Bye));

        var menu = Assert.IsType<MenuNode>(flow["m"]);
        Assert.Equal(["1", "2", "*", "#"], menu.Choices.Select(c => c.Key.ToString()));
        Assert.Equal(TimeSpan.FromSeconds(5), menu.Timeout);
        Assert.Equal(2, menu.Retries);
        Assert.Equal(["no-input"], menu.NoInputPrompts.Names);
        Assert.Equal(["invalid-choice"], menu.InvalidPrompts.Names);
        Assert.Equal(menu.Position, menu.NoInputPrompts.Position);
        Assert.Equal("bye", menu.Fallback.Id);
    }

    [Fact]
    public void Menu_values_given_replace_the_defaults_and_empty_prompt_lists_mean_silence()
    {
        FlowDefinition flow = LoadValid(WithNodes("m", """
              m:
                type: menu
                prompts: [menu]
                keys: { "1": bye }
                timeout: 2500ms
                retries: 0
                no-input-prompts: []
                invalid-prompts: [sorry, menu-again]
                fallback: bye

            """ + Bye));

        var menu = Assert.IsType<MenuNode>(flow["m"]);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), menu.Timeout);
        Assert.Equal(0, menu.Retries);
        Assert.True(menu.NoInputPrompts.IsEmpty);
        Assert.Equal(["sorry", "menu-again"], menu.InvalidPrompts.Names);
    }

    [Fact]
    public void Collect_defaults_are_one_digit_pound_eight_and_four_seconds_no_pattern()
    {
        FlowDefinition flow = LoadValid(WithNodes("c", """
              c:
                type: collect
                prompts: [enter]
                variable: account
                max-digits: 10
                next: bye
                fallback: bye

            """ + Bye));

        var collect = Assert.IsType<CollectNode>(flow["c"]);
        Assert.Equal(("account", 1, 10, (char?)'#'), (collect.Variable, collect.MinDigits, collect.MaxDigits, collect.Terminator));
        Assert.Equal((TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(4)), (collect.FirstDigitTimeout, collect.InterDigitTimeout));
        Assert.Null(collect.Pattern);
        Assert.Equal(2, collect.Retries);
        Assert.Equal(["no-input"], collect.NoInputPrompts.Names);
        Assert.Equal(["invalid-choice"], collect.InvalidPrompts.Names);
    }

    [Theory]
    [InlineData("\"#\"", '#')]
    [InlineData("'*'", '*')]
    [InlineData("none", null)]
    public void Collect_terminator_is_pound_star_or_none(string written, char? expected)
    {
        FlowDefinition flow = LoadValid(WithNodes("c", $"""
              c:
                type: collect
                prompts: [enter]
                variable: pin
                max-digits: 4
                terminator: {written}
                pattern: "[0-9]{"{"}4{"}"}"
                next: bye
                fallback: bye

            """ + Bye));

        var collect = Assert.IsType<CollectNode>(flow["c"]);
        Assert.Equal(expected, collect.Terminator);
        Assert.True(collect.Pattern!.IsMatch("1234"));
        Assert.False(collect.Pattern.IsMatch("12345"));
    }

    [Fact]
    public void Say_reads_prompts_and_variables_in_each_format()
    {
        FlowDefinition flow = LoadValid(WithNodes("s", """
              s:
                type: say
                items:
                  - prompt: you-entered
                  - digits: account
                  - number: count
                  - duration: wait
                next: bye

            """ + Bye));

        var say = Assert.IsType<SayNode>(flow["s"]);
        Assert.Equal(
            [(SayFormat.Prompt, "you-entered"), (SayFormat.Digits, "account"), (SayFormat.Number, "count"), (SayFormat.Duration, "wait")],
            say.Items.Select(i => (i.Format, i.Value)));
        Assert.Equal(new FlowPosition(7, 9), say.Items[0].Position);
    }

    [Fact]
    public void Set_keeps_values_as_written_with_templates()
    {
        FlowDefinition flow = LoadValid(WithNodes("s", """
              s:
                type: set
                values: { language: ms, priority: 7, subject: "Account ${account}", skills: "vip, billing", empty: "" }
                next: bye

            """ + Bye));

        var set = Assert.IsType<SetNode>(flow["s"]);
        Assert.Equal(
            [("language", "ms"), ("priority", "7"), ("subject", "Account ${account}"), ("skills", "vip, billing"), ("empty", "")],
            set.Assignments.Select(a => (a.Name, a.Value)));
        Assert.Equal(new FlowPosition(6, 15), set.Assignments[0].Position);
    }

    [Fact]
    public void Branch_reads_every_kind_of_condition_in_order()
    {
        FlowDefinition flow = LoadValid("""
            flow: test
            start: b
            calendars:
              office:
                time-zone: UTC
                hours: { mon-fri: "09:00-17:00" }
            nodes:
              b:
                type: branch
                rules:
                  - if: { open: office, variable: language, equals: tl }
                    goto: bye
                  - if: { closed: office }
                    goto: bye
                  - if: { caller: "\\+63.*" }
                    goto: bye
                  - if: { agents-available: "lang-${language}" }
                    goto: bye
                  - if: { variable: account, is-set: true }
                    goto: bye
                  - if: { variable: account, matches: "9.*" }
                    goto: bye
                  - if: { variable: tier, not-equals: 1 }
                    goto: bye
                else: bye
              bye:
                type: hangup
            """);

        var branch = Assert.IsType<BranchNode>(flow["b"]);
        Assert.Equal(
            ["open office and language = tl", "closed office", "caller matches \\+63.*", "agents with lang-${language} logged in", "account is set", "account matches 9.*", "tier ≠ 1"],
            branch.Rules.Select(r => r.Describe()));
        Assert.True(((CallerCondition)branch.Rules[2].Conditions[0]).Pattern.IsMatch("+639171234567"));
        Assert.Equal(new FlowPosition(11, 9), branch.Rules[0].Position);
        Assert.Equal("bye", branch.Else.Id);
    }

    [Fact]
    public void Queue_priority_is_left_to_the_call_when_not_given()
    {
        FlowDefinition flow = LoadValid(WithNodes("b", """
              b:
                type: branch
                rules: [{ if: { variable: vip, is-set: true }, goto: q }]
                else: q2
              q:
                type: queue
                skills: [billing, "lang-${language}"]
                no-agent: bye
              q2:
                type: queue
                skills: [general]
                priority: 9

            """ + Bye));

        var queue = Assert.IsType<QueueNode>(flow["q"]);
        Assert.Equal(["billing", "lang-${language}"], queue.Skills);
        Assert.Null(queue.Priority);
        Assert.Equal("bye", queue.NoAgent!.Value.Id);
        var other = Assert.IsType<QueueNode>(flow["q2"]);
        Assert.Equal(9, other.Priority);
        Assert.Null(other.NoAgent);
    }

    [Fact]
    public void Transfer_goes_to_a_flow_or_a_sip_uri()
    {
        FlowDefinition flow = LoadValid(WithNodes("b", """
              b:
                type: branch
                rules: [{ if: { caller: "1.*" }, goto: to-flow }]
                else: to-uri
              to-flow:
                type: transfer
                flow: survey
              to-uri:
                type: transfer
                uri: "sip:+63281234567@trunk.example.com"
            """));

        Assert.Equal(("survey", (string?)null), (((TransferNode)flow["to-flow"]).Flow, ((TransferNode)flow["to-flow"]).Uri));
        Assert.Equal("sip:+63281234567@trunk.example.com", ((TransferNode)flow["to-uri"]).Uri);
    }

    [Fact]
    public void Hangup_says_goodbye_unless_told_otherwise()
    {
        FlowDefinition flow = LoadValid(WithNodes("b", """
              b:
                type: branch
                rules: [{ if: { caller: "1.*" }, goto: silent }]
                else: bye
              silent:
                type: hangup
                prompts: []

            """ + Bye));

        Assert.Equal(["goodbye"], ((HangupNode)flow["bye"]).Prompts.Names);
        Assert.True(((HangupNode)flow["silent"]).Prompts.IsEmpty);
    }
}
