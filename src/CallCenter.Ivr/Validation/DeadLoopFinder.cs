namespace CallCenter.Ivr.Validation;

/// <summary>
/// Finds loops made only of nodes that never wait for the caller's keys: a call entering one would go round it
/// without end. Uses Tarjan's strongly-connected-components algorithm (iteratively, so a long flow cannot
/// overflow the stack), then names one concrete loop per component, shortest first from its earliest node.
/// </summary>
internal static class DeadLoopFinder
{
    /// <summary>Each dead loop as node indexes in the order a call goes round, first node repeated at the end.</summary>
    public static List<int[]> Find(FlowGraph graph)
    {
        int count = graph.Nodes.Count;
        int[][] edges = [.. Enumerable.Range(0, count).Select(i =>
            graph.Nodes[i].WaitsForCaller ? [] : graph.Successors[i].Where(j => !graph.Nodes[j].WaitsForCaller).ToArray())];

        var loops = new List<int[]>();
        foreach (int[] component in Components(edges))
        {
            int first = component.Min();
            bool isLoop = component.Length > 1 || edges[first].Contains(first);
            if (isLoop)
            {
                loops.Add(ShortestCycle(first, edges, [.. component]));
            }
        }

        return [.. loops.OrderBy(l => l[0])];
    }

    private static List<int[]> Components(int[][] edges)
    {
        int count = edges.Length;
        var index = new int[count];
        var low = new int[count];
        var onStack = new bool[count];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var components = new List<int[]>();
        int next = 0;

        for (int root = 0; root < count; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            // Each frame is a node and how many of its edges have been followed.
            var work = new Stack<(int Node, int Edge)>();
            work.Push((root, 0));
            index[root] = low[root] = next++;
            stack.Push(root);
            onStack[root] = true;
            while (work.Count > 0)
            {
                (int node, int edge) = work.Pop();
                if (edge < edges[node].Length)
                {
                    work.Push((node, edge + 1));
                    int to = edges[node][edge];
                    if (index[to] < 0)
                    {
                        index[to] = low[to] = next++;
                        stack.Push(to);
                        onStack[to] = true;
                        work.Push((to, 0));
                    }
                    else if (onStack[to])
                    {
                        low[node] = Math.Min(low[node], index[to]);
                    }

                    continue;
                }

                if (work.TryPeek(out var parent))
                {
                    low[parent.Node] = Math.Min(low[parent.Node], low[node]);
                }

                if (low[node] == index[node])
                {
                    components.Add(PopComponent(node, stack, onStack));
                }
            }
        }

        return components;
    }

    /// <summary>Takes <paramref name="root"/>'s component off the stack: the nodes pushed since it, and itself.</summary>
    private static int[] PopComponent(int root, Stack<int> stack, bool[] onStack)
    {
        var component = new List<int>();
        int member;
        do
        {
            member = stack.Pop();
            onStack[member] = false;
            component.Add(member);
        }
        while (member != root);
        return [.. component];
    }

    /// <summary>The shortest way from <paramref name="start"/> back to itself inside the component (breadth first).</summary>
    private static int[] ShortestCycle(int start, int[][] edges, HashSet<int> component)
    {
        var cameFrom = new Dictionary<int, int>();
        var pending = new Queue<int>();
        pending.Enqueue(start);
        while (pending.TryDequeue(out int node))
        {
            foreach (int to in edges[node].Where(component.Contains))
            {
                if (to == start)
                {
                    var path = new List<int> { start };
                    for (int at = node; at != start; at = cameFrom[at])
                    {
                        path.Add(at);
                    }

                    path.Add(start);
                    path.Reverse();
                    return [.. path];
                }

                if (cameFrom.TryAdd(to, node))
                {
                    pending.Enqueue(to);
                }
            }
        }

        // Unreachable: every member of a strongly connected component lies on a cycle through any other.
        return [start, start];
    }
}
