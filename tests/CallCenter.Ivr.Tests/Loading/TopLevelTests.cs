using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Loading;
using static CallCenter.Ivr.Tests.Loading.FlowTestSupport;

namespace CallCenter.Ivr.Tests.Loading;

/// <summary>The keys at the top of a flow file, and files that are not flows at all.</summary>
public class TopLevelTests
{
    private const string Nodes = """
        nodes:
          bye:
            type: hangup
        """;

    [Fact]
    public void Optional_keys_take_their_defaults()
    {
        FlowDefinition flow = LoadValid("flow: test\nstart: bye\n" + Nodes);

        Assert.Equal("test", flow.Name);
        Assert.Equal(Source, flow.SourcePath);
        Assert.Equal("", flow.Description);
        Assert.Equal("en", flow.DefaultLanguage);
        Assert.Empty(flow.Calendars);
        Assert.Equal(new FlowPosition(2, 8), flow.StartPosition);
        Assert.Equal(new FlowPosition(1, 7), flow.NamePosition);
        Assert.Equal(FlowPosition.File, flow.LanguagePosition);
    }

    [Fact]
    public void Description_and_language_are_read()
    {
        FlowDefinition flow = LoadValid("flow: test\ndescription: Main line\nlanguage: tl\nstart: bye\n" + Nodes);

        Assert.Equal("Main line", flow.Description);
        Assert.Equal("tl", flow.DefaultLanguage);
        Assert.Equal(new FlowPosition(3, 11), flow.LanguagePosition);
    }

    [Fact]
    public void An_unknown_key_suggests_the_likely_one()
    {
        FlowProblem problem = SingleProblem("flow: test\nstrat: bye\nstart: bye\n" + Nodes);

        AssertError(problem, 2, 1, "unknown key \"strat\" (did you mean \"start\"?); allowed keys are: flow, description, language, start, calendars, nodes");
    }

    [Fact]
    public void Every_missing_required_key_is_reported_at_the_top_of_the_file()
    {
        FlowLoadResult result = Load("description: nothing else\n");

        Assert.Equal(
            ["missing required key \"flow\"", "missing required key \"start\"", "missing required key \"nodes\""],
            result.Problems.Select(p => p.Message));
        Assert.All(result.Problems, p => Assert.Equal((1, 1), (p.Line, p.Column)));
        Assert.Null(result.Flow);
    }

    [Fact]
    public void An_empty_file_says_what_a_flow_needs()
    {
        FlowProblem problem = SingleProblem("# nothing yet\n");

        AssertError(problem, 1, 1, "the file is empty; a flow needs at least \"flow\", \"start\" and \"nodes\"");
    }

    [Fact]
    public void A_file_that_is_a_list_is_not_a_flow()
    {
        FlowProblem problem = SingleProblem("- a\n- b\n");

        AssertError(problem, 1, 1, "the file must be a mapping with flow, start and nodes (found a list)");
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_where_it_is_without_follow_on_errors()
    {
        FlowProblem problem = SingleProblem("flow: test\nstart: [bye\nnodes:\n  bye:\n    type: hangup\n");

        Assert.StartsWith("YAML syntax error:", problem.Message, StringComparison.Ordinal);
        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public void A_flow_name_must_be_usable_as_a_file_name()
    {
        FlowProblem problem = SingleProblem("flow: ../etc\nstart: bye\n" + Nodes);

        AssertError(problem, 1, 7, "\"flow\" must be the flow's name (its file name without .yaml), made of letters, digits, '-' and '_' (found \"../etc\")");
    }

    [Fact]
    public void The_language_must_look_like_a_language_code()
    {
        FlowProblem problem = SingleProblem("flow: test\nlanguage: English\nstart: bye\n" + Nodes);

        AssertError(problem, 2, 11, "\"language\" must be a language code such as en, tl or ms (found \"English\")");
    }

    [Fact]
    public void A_flow_needs_at_least_one_node()
    {
        FlowProblem problem = SingleProblem("flow: test\nstart: bye\nnodes: {}\n");

        AssertError(problem, 3, 8, "\"nodes\" is empty; a flow needs at least one node");
    }

    [Fact]
    public void A_node_id_may_only_use_letters_digits_dash_and_underscore()
    {
        FlowProblem problem = SingleProblem("flow: test\nstart: bye\nnodes:\n  bye:\n    type: hangup\n  good bye:\n    type: hangup\n");

        AssertError(problem, 6, 3, "node id \"good bye\" may contain only letters, digits, '-' and '_'");
    }

    [Fact]
    public void A_repeated_node_id_is_reported_by_the_yaml_reader()
    {
        FlowProblem problem = SingleProblem("flow: test\nstart: bye\nnodes:\n  bye:\n    type: hangup\n  bye:\n    type: hangup\n");

        AssertError(problem, 6, 3, "duplicate key \"bye\": it is already used on line 4 of this mapping");
    }

    [Fact]
    public void Problems_come_sorted_by_position_and_all_at_once()
    {
        FlowLoadResult result = Load("""
            flow: test
            start: a
            nodes:
              a:
                type: play
                prompts: [x.wav]
                next: b
              b:
                type: menu
                prompts: [menu]
                keys: { "1": a }
                fallback: a
                retries: many
            """);

        Assert.Equal([(6, 15), (13, 14)], result.Problems.Select(p => (p.Line, p.Column)));
    }
}
