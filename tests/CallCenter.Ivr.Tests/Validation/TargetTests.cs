using CallCenter.Ivr.Loading;
using static CallCenter.Ivr.Tests.Loading.FlowTestSupport;

namespace CallCenter.Ivr.Tests.Validation;

/// <summary>Every node named as start or as a target must exist; the message points at the name and guesses the intended one.</summary>
public class TargetTests
{
    [Fact]
    public void A_fallback_to_a_missing_node_suggests_the_node_it_starts()
    {
        FlowProblem problem = SingleProblem(WithNodes("billing", """
              billing:
                type: collect
                prompts: [enter-account]
                variable: account
                max-digits: 10
                next: billing-queue
                fallback: billing-q
              billing-queue:
                type: queue
                skills: [billing]
            """));

        AssertError(problem, 10, 15, "node \"billing\": \"fallback\" names node \"billing-q\" but there is no such node (did you mean \"billing-queue\"?)");
    }

    [Fact]
    public void A_misspelt_start_suggests_the_node()
    {
        FlowProblem problem = SingleProblem("flow: test\nstart: welcom\nnodes:\n  welcome:\n    type: hangup\n");

        AssertError(problem, 2, 8, "\"start\" names node \"welcom\" but there is no such node (did you mean \"welcome\"?)");
    }

    [Fact]
    public void A_menu_key_to_a_missing_node_names_the_key()
    {
        FlowProblem problem = SingleProblem(WithNodes("m", """
              m:
                type: menu
                prompts: [menu]
                keys: { "1": bye, "2": sales }
                fallback: bye
              bye:
                type: hangup
            """));

        AssertError(problem, 7, 28, "node \"m\": key \"2\" names node \"sales\" but there is no such node");
        Assert.DoesNotContain("did you mean", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Branch_goto_and_else_are_named_by_rule()
    {
        FlowLoadResult result = Load(WithNodes("b", """
              b:
                type: branch
                rules:
                  - if: { caller: "1.*" }
                    goto: bye
                  - if: { caller: "2.*" }
                    goto: byee
                else: nowhere
              bye:
                type: hangup
            """));

        Assert.Equal(
            [
                "test.yaml:10:15: error: node \"b\": rule 2's \"goto\" names node \"byee\" but there is no such node (did you mean \"bye\"?)",
                "test.yaml:11:11: error: node \"b\": \"else\" names node \"nowhere\" but there is no such node",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Next_and_no_agent_are_checked()
    {
        FlowLoadResult result = Load(WithNodes("p", """
              p:
                type: play
                prompts: [hello]
                next: q
              q:
                type: queue
                skills: [general]
                no-agent: busy
            """));

        AssertError(Assert.Single(result.Problems), 11, 15, "node \"q\": \"no-agent\" names node \"busy\" but there is no such node");
    }

    [Fact]
    public void A_target_that_exists_but_has_its_own_error_is_not_called_missing()
    {
        FlowLoadResult result = Load(WithNodes("p", """
              p:
                type: play
                prompts: [hello]
                next: broken
              broken:
                type: play
                next: bye
              bye:
                type: hangup
            """));

        AssertError(Assert.Single(result.Problems), 9, 5, "node \"broken\": missing required key \"prompts\"");
    }
}
