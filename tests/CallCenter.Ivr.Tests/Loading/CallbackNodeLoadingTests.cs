using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Graph;
using CallCenter.Ivr.Loading;
using static CallCenter.Ivr.Tests.Loading.FlowTestSupport;

namespace CallCenter.Ivr.Tests.Loading;

/// <summary>The callback node kinds and the callback-pending condition as the loader reads and checks them (node "n" starts on line 4).</summary>
public class CallbackNodeLoadingTests
{
    private static FlowProblem ProblemIn(string nodeBody) =>
        SingleProblem($"flow: test\nstart: n\nnodes:\n  n:\n{nodeBody}\n  bye:\n    type: hangup\n  again:\n    type: hangup\n");

    [Fact]
    public void A_callback_without_a_number_calls_the_caller_back()
    {
        var flow = LoadValid(WithNodes("n", "  n:\n    type: callback\n    next: bye\n    refused: sorry\n  bye:\n    type: hangup\n  sorry:\n    type: hangup\n"));

        var node = Assert.IsType<CallbackNode>(flow.Nodes.Single(n => n.Id == "n"));
        Assert.Equal("${caller}", node.Number);
        Assert.Equal("bye", node.Next.Id);
        Assert.Equal("sorry", node.Refused.Id);
        Assert.Equal(
            [("callback booked", "bye"), ("number refused", "sorry")],
            node.Edges.Select(e => (e.Label, e.Target)));
    }

    [Theory]
    [InlineData("\"${callback_number}\"", "${callback_number}")]
    [InlineData("\"+639171234567\"", "+639171234567")]
    [InlineData("0281234567", "0281234567")]
    public void The_number_is_a_template_or_a_literal_number(string written, string expected)
    {
        var flow = LoadValid(WithNodes("n", $"  n:\n    type: callback\n    number: {written}\n    next: bye\n    refused: bye\n  bye:\n    type: hangup\n"));

        Assert.Equal(expected, Assert.IsType<CallbackNode>(flow.Nodes[0]).Number);
    }

    [Fact]
    public void A_callback_may_name_the_queue_it_books_in_when_the_call_waits_in_none()
    {
        var flow = LoadValid(WithNodes("n", "  n:\n    type: callback\n    queue: general\n    next: bye\n    refused: bye\n  bye:\n    type: hangup\n"));

        var node = Assert.IsType<CallbackNode>(flow.Nodes[0]);
        Assert.Equal(new CallbackQueue("general", new FlowPosition(6, 12)), node.Queue);
        Assert.Contains("book a callback to $#123;caller#125; in queue general", FlowGraph.ToMermaid(flow), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_queue_a_callback_books_only_in_place_of_a_wait()
    {
        var flow = LoadValid(WithNodes("n", "  n:\n    type: callback\n    next: bye\n    refused: bye\n  bye:\n    type: hangup\n"));

        Assert.Null(Assert.IsType<CallbackNode>(flow.Nodes[0]).Queue);
    }

    [Theory]
    [InlineData("General")]
    [InlineData("\"after hours\"")]
    [InlineData("-general")]
    [InlineData("\"${queue}\"")]
    public void A_queue_name_is_written_as_in_the_configuration(string written)
    {
        AssertError(
            ProblemIn($"    type: callback\n    queue: {written}\n    next: bye\n    refused: again"),
            6, 12,
            "node \"n\": \"queue\" must be a queue name from the configuration, in lowercase letters, digits and '-' (e.g. general)");
    }

    [Fact]
    public void An_empty_queue_is_reported()
    {
        AssertError(ProblemIn("    type: callback\n    queue: \"\"\n    next: bye\n    refused: again"), 6, 12, "node \"n\": \"queue\"");
    }

    [Fact]
    public void Refused_is_required()
    {
        AssertError(ProblemIn("    type: callback\n    next: bye"), 5, 5, "node \"n\": missing required key \"refused\"");
    }

    [Fact]
    public void A_literal_number_must_be_digits()
    {
        AssertError(
            ProblemIn("    type: callback\n    number: call-me\n    next: bye\n    refused: again"),
            6, 13,
            "node \"n\": \"number\" must be a phone number or a variable holding one",
            "(found \"call-me\")");
    }

    [Fact]
    public void An_unclosed_variable_in_the_number_is_reported()
    {
        AssertError(
            ProblemIn("    type: callback\n    number: \"${callback_number\"\n    next: bye\n    refused: again"),
            6, 13,
            "node \"n\": \"number\" has \"${\" without a closing \"}\"");
    }

    [Fact]
    public void A_misspelt_key_gets_a_suggestion()
    {
        AssertError(
            ProblemIn("    type: callback\n    numbr: \"${caller}\"\n    next: bye\n    refused: again"),
            6, 5,
            "unknown key \"numbr\" (did you mean \"number\"?)");
    }

    [Fact]
    public void A_refused_target_that_is_not_a_node_is_reported_where_it_is_written()
    {
        var problem = SingleProblem(WithNodes("n", "  n:\n    type: callback\n    next: bye\n    refused: ask-agian\n  bye:\n    type: hangup\n"));

        AssertError(problem, 7, 14, "\"refused\"", "ask-agian");
    }

    [Fact]
    public void A_callback_refused_back_to_itself_is_a_loop_without_caller_input()
    {
        var result = Load(WithNodes("n", "  n:\n    type: callback\n    next: bye\n    refused: n\n  bye:\n    type: hangup\n"));

        Assert.Null(result.Flow);
        Assert.Contains(result.Problems, p => p.Message.Contains("n", StringComparison.Ordinal) && p.Line == 4);
    }

    [Fact]
    public void Cancel_callback_needs_next()
    {
        AssertError(ProblemIn("    type: cancel-callback"), 5, 5, "node \"n\": missing required key \"next\"");
    }

    [Fact]
    public void Cancel_callback_reads()
    {
        var flow = LoadValid(WithNodes("n", "  n:\n    type: cancel-callback\n    next: bye\n  bye:\n    type: hangup\n"));

        var node = Assert.IsType<CancelCallbackNode>(flow.Nodes[0]);
        Assert.Equal("bye", node.Next.Id);
        Assert.Equal("cancel-callback", node.Kind);
    }

    [Theory]
    [InlineData("true", true, "callback pending")]
    [InlineData("false", false, "no callback pending")]
    public void Callback_pending_is_a_branch_condition(string written, bool pending, string described)
    {
        var flow = LoadValid(WithNodes(
            "n", $"  n:\n    type: branch\n    rules:\n      - if: {{ callback-pending: {written} }}\n        goto: bye\n    else: bye\n  bye:\n    type: hangup\n"));

        var condition = Assert.IsType<CallbackPendingCondition>(Assert.IsType<BranchNode>(flow.Nodes[0]).Rules.Single().Conditions.Single());
        Assert.Equal(pending, condition.Pending);
        Assert.Equal(described, condition.Describe());
    }

    [Fact]
    public void Callback_pending_must_be_true_or_false()
    {
        AssertError(
            ProblemIn("    type: branch\n    rules:\n      - if: { callback-pending: maybe }\n        goto: bye\n    else: again"),
            7, 33,
            "\"callback-pending\" must be true or false");
    }

    [Fact]
    public void The_flowchart_shows_both_ways_out_of_a_callback_node_and_what_it_books()
    {
        var flow = LoadValid(WithNodes(
            "n", "  n:\n    type: callback\n    number: \"${callback_number}\"\n    next: bye\n    refused: sorry\n  bye:\n    type: hangup\n  sorry:\n    type: cancel-callback\n    next: bye\n"));

        string mermaid = FlowGraph.ToMermaid(flow);

        Assert.Contains("n --> bye : callback booked", mermaid, StringComparison.Ordinal);
        Assert.Contains("n --> sorry : number refused", mermaid, StringComparison.Ordinal);
        Assert.Contains("book a callback to", mermaid, StringComparison.Ordinal);
        Assert.Contains("sorry --> bye : next", mermaid, StringComparison.Ordinal);
    }
}
