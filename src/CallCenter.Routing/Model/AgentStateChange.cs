namespace CallCenter.Routing;

/// <summary>One timestamped entry of an agent's history: the state and registration after the change.</summary>
/// <param name="At">When the change happened.</param>
/// <param name="State">The agent's state from then on.</param>
/// <param name="Reason">Pause reason, or what caused the change (e.g. "no answer"); null when there is nothing to add.</param>
/// <param name="Registered">Whether the agent's softphone was registered from then on.</param>
public readonly record struct AgentStateChange(DateTimeOffset At, AgentState State, string? Reason, bool Registered);
