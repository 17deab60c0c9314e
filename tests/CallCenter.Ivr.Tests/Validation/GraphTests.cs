using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Loading;
using CallCenter.Ivr.Validation;
using static CallCenter.Ivr.Tests.Loading.FlowTestSupport;

namespace CallCenter.Ivr.Tests.Validation;

/// <summary>Checks of the whole graph: reachability, loops that never wait for the caller, and ways out.</summary>
public class GraphTests
{
    [Fact]
    public void A_node_nothing_leads_to_can_never_be_reached()
    {
        FlowProblem problem = SingleProblem(WithNodes("bye", """
              bye:
                type: hangup
              old-menu:
                type: hangup
            """));

        AssertError(problem, 6, 3, "node \"old-menu\" can never be reached from the start node \"bye\"; lead to it from another node, or remove it");
    }

    [Fact]
    public void A_loop_without_caller_input_is_reported_once_with_its_nodes_in_order()
    {
        FlowLoadResult result = Load(WithNodes("a", """
              a:
                type: play
                prompts: [hold]
                next: b
              b:
                type: set
                values: { tries: again }
                next: c
              c:
                type: branch
                rules: [{ if: { agents-available: sales }, goto: q }]
                else: a
              q:
                type: queue
                skills: [sales]
            """));

        AssertError(
            Assert.Single(result.Problems),
            4, 3,
            "node \"a\" is in a loop that never waits for the caller to press a key, so a call would go round it forever: a → b → c → a; add a menu or collect node to the loop, or lead out of it");
    }

    [Fact]
    public void Each_separate_dead_loop_is_reported_with_its_shortest_round()
    {
        FlowLoadResult result = Load(WithNodes("a", """
              a:
                type: branch
                rules: [{ if: { caller: "1.*" }, goto: c }, { if: { caller: "2.*" }, goto: m }]
                else: b
              b:
                type: branch
                rules: [{ if: { caller: "3.*" }, goto: bye }]
                else: a
              c:
                type: set
                values: { x: y }
                next: b
              m:
                type: menu
                prompts: [menu]
                keys: { "1": d }
                fallback: bye
              d:
                type: play
                prompts: [x]
                next: e
              e:
                type: play
                prompts: [y]
                next: d
              bye:
                type: hangup
            """));

        Assert.Equal(
            ["a → b → a", "d → e → d"],
            result.Problems.Where(p => p.Message.Contains("loop", StringComparison.Ordinal)).Select(p => p.Message.Split(": ")[1].Split(';')[0]));
    }

    [Fact]
    public void A_node_that_leads_to_itself_is_a_loop()
    {
        FlowLoadResult result = Load(WithNodes("b", """
              b:
                type: branch
                rules: [{ if: { caller: "1.*" }, goto: bye }]
                else: b
              bye:
                type: hangup
            """));

        Assert.Contains("so a call would go round it forever: b → b;", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_through_a_menu_waits_for_the_caller_and_is_fine()
    {
        LoadValid(WithNodes("m", """
              m:
                type: menu
                prompts: [menu]
                keys: { "1": repeat, "2": bye }
                fallback: bye
              repeat:
                type: play
                prompts: [again]
                next: m
              bye:
                type: hangup
            """));
    }

    [Fact]
    public void Callers_trapped_between_menus_can_never_leave()
    {
        FlowLoadResult result = Load(WithNodes("one", """
              one:
                type: menu
                prompts: [one]
                keys: { "1": two }
                fallback: two
              two:
                type: menu
                prompts: [two]
                keys: { "1": one }
                fallback: one
            """));

        Assert.Equal(
            [
                "test.yaml:4:3: error: callers who reach node \"one\" can never leave the flow: nothing after it leads to a queue, transfer or hangup node",
                "test.yaml:9:3: error: callers who reach node \"two\" can never leave the flow: nothing after it leads to a queue, transfer or hangup node",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_queue_is_a_way_out_even_when_its_no_agent_path_returns()
    {
        LoadValid(WithNodes("m", """
              m:
                type: menu
                prompts: [menu]
                keys: { "1": q }
                fallback: q
              q:
                type: queue
                skills: [general]
                no-agent: m
            """));
    }

    [Fact]
    public void Graph_checks_wait_until_every_node_could_be_read()
    {
        // "b" cannot be built, so "c" (reached only through it) is not reported as unreachable.
        FlowLoadResult result = Load(WithNodes("a", """
              a:
                type: play
                prompts: [x]
                next: b
              b:
                type: play
                next: c
              c:
                type: hangup
            """));

        AssertError(Assert.Single(result.Problems), 9, 5, "node \"b\": missing required key \"prompts\"");
    }

    [Fact]
    public void Long_chains_do_not_exhaust_the_stack()
    {
        const int count = 20_000;
        var nodes = new List<FlowNode>(count + 1);
        for (int i = 0; i < count; i++)
        {
            nodes.Add(new SetNode($"n{i}", new FlowPosition(i + 1, 1), [], new NodeRef(i + 1 < count ? $"n{i + 1}" : "n0", FlowPosition.File)));
        }

        var flow = new FlowDefinition("long", "long.yaml", "", "en", "n0", nodes, new Dictionary<string, BusinessCalendar>());

        IReadOnlyList<FlowProblem> problems = FlowValidator.ValidateGraph(flow);

        Assert.Contains(problems, p => p.Message.StartsWith("node \"n0\" is in a loop", StringComparison.Ordinal));
    }
}
