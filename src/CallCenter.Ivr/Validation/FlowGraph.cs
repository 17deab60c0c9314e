using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Validation;

/// <summary>The nodes of a flow as a directed graph, by index in file order, with edges only to nodes that exist.</summary>
internal sealed class FlowGraph
{
    private readonly Dictionary<string, int> _index;

    public FlowGraph(FlowDefinition flow)
    {
        Nodes = flow.Nodes;
        _index = new Dictionary<string, int>(Nodes.Count, StringComparer.Ordinal);
        for (int i = 0; i < Nodes.Count; i++)
        {
            _index[Nodes[i].Id] = i;
        }

        Successors = [.. Nodes.Select(n => n.Edges.Select(e => IndexOf(e.Target)).Where(i => i >= 0).Distinct().ToArray())];
        var predecessors = Nodes.Select(_ => new List<int>()).ToArray();
        for (int from = 0; from < Nodes.Count; from++)
        {
            foreach (int to in Successors[from])
            {
                predecessors[to].Add(from);
            }
        }

        Predecessors = [.. predecessors.Select(p => p.ToArray())];
    }

    public IReadOnlyList<FlowNode> Nodes { get; }

    public IReadOnlyList<int[]> Successors { get; }

    public IReadOnlyList<int[]> Predecessors { get; }

    /// <summary>The index of node <paramref name="id"/>, or -1.</summary>
    public int IndexOf(string id) => _index.TryGetValue(id, out int i) ? i : -1;

    /// <summary>Every node reachable from <paramref name="sources"/> following <paramref name="edges"/> (sources included).</summary>
    public static bool[] Reach(IEnumerable<int> sources, IReadOnlyList<int[]> edges)
    {
        var seen = new bool[edges.Count];
        var pending = new Queue<int>();
        foreach (int source in sources)
        {
            if (!seen[source])
            {
                seen[source] = true;
                pending.Enqueue(source);
            }
        }

        while (pending.TryDequeue(out int node))
        {
            foreach (int next in edges[node])
            {
                if (!seen[next])
                {
                    seen[next] = true;
                    pending.Enqueue(next);
                }
            }
        }

        return seen;
    }
}
