namespace CallCenter.Routing;

/// <summary>
/// An agent as routing sees it. Read-only to callers: the engine changes it in response to events, so the fields
/// the agent orderings depend on never change while the agent sits in a sorted set.
/// </summary>
public sealed class AgentRecord
{
    private readonly List<AgentStateChange> _history = [];
    private readonly int _historyLimit;

    internal AgentRecord(string id, IReadOnlyDictionary<string, int> skills, DateTimeOffset now, int historyLimit)
    {
        Id = id;
        Skills = skills;
        State = AgentState.LoggedOut;
        StateSince = now;
        IdleSince = now;
        _historyLimit = historyLimit;
        _history.Add(new AgentStateChange(now, AgentState.LoggedOut, null, false));
    }

    /// <summary>Agent id (its extension).</summary>
    public string Id { get; }

    /// <summary>Skill name → proficiency 1–10.</summary>
    public IReadOnlyDictionary<string, int> Skills { get; }

    /// <summary>Current state.</summary>
    public AgentState State { get; private set; }

    /// <summary>Reason of the current pause, or null when not paused.</summary>
    public string? PauseReason { get; private set; }

    /// <summary>When the current state began.</summary>
    public DateTimeOffset StateSince { get; private set; }

    /// <summary>When the agent last became available (longest-idle ordering).</summary>
    public DateTimeOffset IdleSince { get; internal set; }

    /// <summary>Calls answered since the engine started.</summary>
    public int CallsHandled { get; internal set; }

    /// <summary>Offers missed in a row (ring-no-answer); reset by an answer or a resume.</summary>
    public int ConsecutiveMisses { get; internal set; }

    /// <summary>Whether the agent's softphone is registered. An unregistered agent is never offered a call.</summary>
    public bool Registered { get; private set; }

    /// <summary>The contact offered to or connected with the agent, or null.</summary>
    public string? ContactId { get; internal set; }

    /// <summary>
    /// Timestamped changes of state and registration, oldest first. With a history limit configured, the oldest
    /// entries are dropped once the list holds twice the limit (the storage layer is expected to have saved them).
    /// </summary>
    public IReadOnlyList<AgentStateChange> History => _history;

    /// <summary>Order of the agent's last offer (engine-wide counter), for round-robin; 0 when never offered.</summary>
    internal long LastOfferSequence { get; set; }

    /// <summary>The pools the agent is eligible for.</summary>
    internal List<PoolMembership> Memberships { get; } = [];

    /// <summary>True while the agent sits in its pools' available-agent sets.</summary>
    internal bool InAgentSets { get; set; }

    /// <summary>Invalidates the agent's pending timers (wrap-up end, reject delay end) when bumped.</summary>
    internal long TimerVersion { get; set; }

    /// <summary>Logged in (any state but logged out) and registered.</summary>
    internal bool IsLoggedIn => State != AgentState.LoggedOut && Registered;

    /// <summary>Logged in, registered and not paused: counts for the wait estimate.</summary>
    internal bool IsStaffed => IsLoggedIn && State != AgentState.Paused;

    /// <summary>May be offered a call right now.</summary>
    internal bool IsRoutable => State == AgentState.Available && Registered;

    internal void ChangeState(AgentState state, string? reason, DateTimeOffset now)
    {
        State = state;
        PauseReason = state == AgentState.Paused ? reason : null;
        StateSince = now;
        TimerVersion++;
        Record(now, reason);
    }

    internal void ChangeRegistration(bool registered, DateTimeOffset now)
    {
        Registered = registered;
        Record(now, registered ? "registered" : "unregistered");
    }

    private void Record(DateTimeOffset now, string? reason)
    {
        _history.Add(new AgentStateChange(now, State, reason, Registered));
        if (_history.Count >= 2 * _historyLimit)
        {
            _history.RemoveRange(0, _history.Count - _historyLimit);
        }
    }
}
