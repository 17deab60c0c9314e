using CallCenter.Config.Yaml;
using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Validation;

/// <summary>
/// Checks of the flow as a whole: every node can be reached from the start, no loop spins without waiting for the
/// caller, and every node a caller can reach leads on to a way out of the flow (queue, transfer or hangup).
/// </summary>
internal static class GraphCheck
{
    public static void Run(FlowDefinition flow, ProblemList problems)
    {
        var graph = new FlowGraph(flow);
        int start = graph.IndexOf(flow.Start);
        if (start < 0)
        {
            return;
        }

        bool[] reachable = FlowGraph.Reach([start], graph.Successors);
        for (int i = 0; i < graph.Nodes.Count; i++)
        {
            if (!reachable[i])
            {
                problems.Error(
                    graph.Nodes[i].Position,
                    $"node {Describe.Quote(graph.Nodes[i].Id)} can never be reached from the start node {Describe.Quote(flow.Start)}; lead to it from another node, or remove it");
            }
        }

        foreach (int[] loop in DeadLoopFinder.Find(graph))
        {
            FlowNode first = graph.Nodes[loop[0]];
            string path = string.Join(" → ", loop.Select(i => graph.Nodes[i].Id));
            problems.Error(
                first.Position,
                $"node {Describe.Quote(first.Id)} is in a loop that never waits for the caller to press a key, so a call would go round it forever: {path}; add a menu or collect node to the loop, or lead out of it");
        }

        int[] exits = [.. Enumerable.Range(0, graph.Nodes.Count).Where(i => graph.Nodes[i].IsExit)];
        bool[] canLeave = FlowGraph.Reach(exits, graph.Predecessors);
        for (int i = 0; i < graph.Nodes.Count; i++)
        {
            if (reachable[i] && !canLeave[i])
            {
                problems.Error(
                    graph.Nodes[i].Position,
                    $"callers who reach node {Describe.Quote(graph.Nodes[i].Id)} can never leave the flow: nothing after it leads to a queue, transfer or hangup node");
            }
        }
    }
}
