using CallCenter.Calls.Routing;
using CallCenter.Routing;
using CallCenter.Store;

namespace CallCenter.Server.Http;

/// <summary>An agent as <c>GET /api/agents</c> shows it.</summary>
/// <param name="Extension">The extension its softphone registers.</param>
/// <param name="Name">Its name.</param>
/// <param name="State">Routing state.</param>
/// <param name="StateSince">When the state began.</param>
/// <param name="PauseReason">Why it is paused, or null.</param>
/// <param name="Skills">Skill → proficiency 1–10.</param>
/// <param name="Registered">Whether its softphone is registered now (an unregistered agent is never offered a call).</param>
/// <param name="CallsHandled">Calls answered since the server started.</param>
public sealed record AgentView(
    string Extension,
    string Name,
    AgentState State,
    DateTimeOffset StateSince,
    string? PauseReason,
    IReadOnlyDictionary<string, int> Skills,
    bool Registered,
    int CallsHandled)
{
    /// <summary>The view of <paramref name="agent"/>.</summary>
    public static AgentView From(AgentStatus agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return new AgentView(agent.Extension, agent.Name, agent.State, agent.StateSince, agent.PauseReason, agent.Skills, agent.Registered, agent.CallsHandled);
    }
}

/// <summary>The body of <c>PUT /api/agents/{extension}/state</c>.</summary>
public sealed class AgentStateRequest
{
    /// <summary><c>available</c> (log in, or end a pause), <c>logged-out</c> or <c>paused</c>.</summary>
    public string? State { get; init; }

    /// <summary>Why; required for <c>paused</c> (break, training…).</summary>
    public string? Reason { get; init; }
}

/// <summary>One entry of an agent's state history.</summary>
/// <param name="At">When the change happened (UTC).</param>
/// <param name="State">The state entered (the same words as <see cref="AgentView.State"/>).</param>
/// <param name="Reason">The pause reason or what caused the change, when there is one.</param>
public sealed record AgentHistoryEntryView(DateTimeOffset At, string State, string? Reason)
{
    /// <summary>The view of a logged change.</summary>
    public static AgentHistoryEntryView From(AgentStateEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new AgentHistoryEntryView(entry.At, entry.State, entry.Reason);
    }
}

/// <summary>The answer of <c>GET /api/agents/{extension}/history</c>.</summary>
/// <param name="Extension">The agent.</param>
/// <param name="From">Start of the period (inclusive).</param>
/// <param name="To">End of the period (exclusive).</param>
/// <param name="Changes">The changes in the period, oldest first.</param>
public sealed record AgentHistoryView(string Extension, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<AgentHistoryEntryView> Changes);
