namespace CallCenter.Store;

/// <summary>One change of an agent's state, as logged.</summary>
/// <param name="At">When the change happened (UTC).</param>
/// <param name="Extension">The agent's extension.</param>
/// <param name="State">The state entered, e.g. "available", "on-call", "wrap-up", "paused".</param>
/// <param name="Reason">Why, when there is a reason (pause reason, "missed 2 calls", …).</param>
public sealed record AgentStateEntry(DateTimeOffset At, string Extension, string State, string? Reason);
