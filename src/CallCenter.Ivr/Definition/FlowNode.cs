namespace CallCenter.Ivr.Definition;

/// <summary>
/// One step of a flow. Each kind says what the caller hears and which node comes next; <see cref="Edges"/> lists
/// every way out so the validator and the graph see the same paths the runtime takes.
/// </summary>
/// <param name="Id">The node's id: its key under <c>nodes:</c>.</param>
/// <param name="Position">Where the node is written.</param>
public abstract record FlowNode(string Id, FlowPosition Position)
{
    /// <summary>Every way out of this node, labelled as the flowchart shows it.</summary>
    public abstract IEnumerable<FlowEdge> Edges { get; }

    /// <summary>True when the node waits for the caller's keys (a loop through such a node is not a dead loop).</summary>
    public virtual bool WaitsForCaller => false;

    /// <summary>True when the call leaves the flow here (to an agent, another destination, or by hanging up).</summary>
    public virtual bool IsExit => false;

    /// <summary>The kind as written in the file (<c>type: menu</c>).</summary>
    public abstract string Kind { get; }
}

/// <summary>A way from one node to another.</summary>
/// <param name="Label">What makes the call take it (a key, "timeout", "no agent", a condition), as the graph shows it.</param>
/// <param name="Target">The id of the node it leads to.</param>
/// <param name="Position">Where the target is named in the file.</param>
public readonly record struct FlowEdge(string Label, string Target, FlowPosition Position);

/// <summary>A node id named as a target, with where it is written (so a missing one can be pointed at).</summary>
/// <param name="Id">The node id.</param>
/// <param name="Position">Where it is written.</param>
public readonly record struct NodeRef(string Id, FlowPosition Position);
