using CallCenter.Routing;

namespace CallCenter.Calls.Routing;

/// <summary>
/// The supervisor's and the agent's view of routing: live agents and queues, and agent state changes (HTTP API,
/// feature codes). Snapshots are taken on the router's executor, so each is consistent in itself.
/// </summary>
public interface IContactCentre
{
    /// <summary>Every configured agent, in configuration order.</summary>
    Task<IReadOnlyList<AgentStatus>> GetAgentsAsync();

    /// <summary>Every configured queue with its live figures, in configuration order.</summary>
    Task<IReadOnlyList<QueueStatus>> GetQueuesAsync();

    /// <summary>
    /// Logs the agent in or out, pauses (with a reason) or unpauses it. Refused, with the reason in
    /// <see cref="AgentStateChangeResult.Error"/>, for an unknown extension or a change the agent's state does not allow.
    /// </summary>
    Task<AgentStateChangeResult> ChangeAgentStateAsync(string extension, AgentStateCommand command, string? reason);
}

/// <summary>A state change an agent (feature code) or a supervisor (API) may ask for.</summary>
public enum AgentStateCommand
{
    /// <summary>Log in: available for calls (while the softphone is registered).</summary>
    LogIn,

    /// <summary>Log out: no calls.</summary>
    LogOut,

    /// <summary>Pause with a reason (break, training…).</summary>
    Pause,

    /// <summary>End a pause: available again.</summary>
    Unpause,
}

/// <summary>The outcome of <see cref="IContactCentre.ChangeAgentStateAsync"/>.</summary>
/// <param name="Agent">The agent after the change, or null when the extension is unknown.</param>
/// <param name="Error">Why the change was refused, or null when it was applied.</param>
public sealed record AgentStateChangeResult(AgentStatus? Agent, string? Error)
{
    /// <summary>True when the change was applied.</summary>
    public bool Applied => Error is null;
}

/// <summary>An agent as supervisors see it.</summary>
/// <param name="Extension">The extension its softphone registers.</param>
/// <param name="Name">Its name.</param>
/// <param name="State">Routing state.</param>
/// <param name="PauseReason">Why it is paused, or null.</param>
/// <param name="StateSince">When the state began.</param>
/// <param name="Skills">Skill → proficiency 1–10.</param>
/// <param name="Registered">Whether its softphone is registered now.</param>
/// <param name="CallsHandled">Calls answered since the server started.</param>
/// <param name="ContactId">The contact it rings for or talks to, or null.</param>
public sealed record AgentStatus(
    string Extension,
    string Name,
    AgentState State,
    string? PauseReason,
    DateTimeOffset StateSince,
    IReadOnlyDictionary<string, int> Skills,
    bool Registered,
    int CallsHandled,
    string? ContactId);

/// <summary>A queue's live figures.</summary>
/// <param name="Name">Queue name.</param>
/// <param name="Waiting">Calls waiting (not ringing an agent).</param>
/// <param name="LongestWait">Longest current wait, zero when nobody waits.</param>
/// <param name="CallbacksPending">Callbacks in this queue not yet completed or given up.</param>
/// <param name="AgentsByState">Agents eligible for the queue (at its first step), by state; unregistered ones count as logged out.</param>
/// <param name="Totals">Counts since the server started.</param>
public sealed record QueueStatus(
    string Name,
    int Waiting,
    TimeSpan LongestWait,
    int CallbacksPending,
    IReadOnlyDictionary<AgentState, int> AgentsByState,
    QueueTotals Totals);

/// <summary>A queue's counts since the server started.</summary>
/// <param name="Offered">Contacts that entered the queue.</param>
/// <param name="Answered">Contacts an agent answered.</param>
/// <param name="AnsweredWithinThreshold">Answered within the service-level threshold.</param>
/// <param name="AbandonedBeforeThreshold">Callers who hung up before the threshold.</param>
/// <param name="AbandonedAfterThreshold">Callers who hung up after the threshold.</param>
/// <param name="TotalSpeedOfAnswer">Sum of the waits of answered contacts.</param>
/// <param name="RingNoAnswer">Offers not answered in time (RONA).</param>
public sealed record QueueTotals(
    long Offered,
    long Answered,
    long AnsweredWithinThreshold,
    long AbandonedBeforeThreshold,
    long AbandonedAfterThreshold,
    TimeSpan TotalSpeedOfAnswer,
    long RingNoAnswer)
{
    /// <summary>
    /// Service level: answered within the threshold ÷ (answered + abandoned after the threshold); callers who gave up
    /// before the threshold are not counted against it. Null before any such contact.
    /// </summary>
    public double? ServiceLevel =>
        Answered + AbandonedAfterThreshold == 0 ? null : (double)AnsweredWithinThreshold / (Answered + AbandonedAfterThreshold);

    /// <summary>Average speed of answer, or null before the first answer.</summary>
    public TimeSpan? AverageSpeedOfAnswer => Answered == 0 ? null : TotalSpeedOfAnswer / Answered;
}
