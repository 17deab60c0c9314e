namespace CallCenter.Ivr.Runtime;

/// <summary>Where a run is inside its current node; the node's handlers read it to tell events apart.</summary>
internal enum FlowPhase : byte
{
    /// <summary>Nothing in progress (just entered, or moving on).</summary>
    Idle,

    /// <summary>The node's own prompts are playing.</summary>
    Prompting,

    /// <summary>Waiting for the first key (menu timeout or collect first-digit timeout running).</summary>
    WaitingForKey,

    /// <summary>A collect node has at least one key (inter-digit timeout running).</summary>
    Collecting,

    /// <summary>The invalid or no-input prompts are playing; the node's prompts follow.</summary>
    Reprompting,

    /// <summary>Goodbye prompts are playing; the call is released when they end.</summary>
    Releasing,

    /// <summary>The run has left the flow.</summary>
    Done,
}
