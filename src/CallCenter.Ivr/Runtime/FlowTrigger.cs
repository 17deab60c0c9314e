namespace CallCenter.Ivr.Runtime;

/// <summary>
/// The events a flow's state machine reacts to. States are node ids; what a trigger does depends on the node
/// (and, inside a node, on the run's phase).
/// </summary>
public enum FlowTrigger
{
    /// <summary>The run begins at the flow's start node (a new call, or a transfer into this flow).</summary>
    Start,

    /// <summary>The caller pressed a key (parameterised with the key: 0–9, * or #).</summary>
    Digit,

    /// <summary>The prompts the run asked for have finished playing.</summary>
    PromptFinished,

    /// <summary>The run's timer expired (menu timeout, first-digit or inter-digit timeout).</summary>
    Timeout,

    /// <summary>The run moves on by itself (set, branch, accepted digits, retries used up).</summary>
    Continue,

    /// <summary>Routing found no agent for the queued call; the flow resumes at the queue's <c>no-agent</c> node.</summary>
    NoAgent,
}
