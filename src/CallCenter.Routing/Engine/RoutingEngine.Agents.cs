namespace CallCenter.Routing;

public sealed partial class RoutingEngine
{
    /// <summary>Reason given to an agent paused after too many consecutive ring-no-answers.</summary>
    public const string MissedCallsReason = "missed calls";

    /// <summary>Reason given to an agent kept from offers for the reject delay after declining one.</summary>
    public const string RejectDelayReason = "reject delay";

    /// <summary>Adds an agent, logged out and unregistered. Skills are fixed for the agent's lifetime in the engine.</summary>
    public RoutingResult AddAgent(string agentId, IReadOnlyDictionary<string, int> skills, DateTimeOffset now)
    {
        now = Begin(now);
        if (_agents.ContainsKey(agentId))
        {
            return End($"Agent '{agentId}' already exists.");
        }

        foreach (var (skill, level) in skills)
        {
            if (level is < SkillRequirement.MinLevel or > SkillRequirement.MaxLevel)
            {
                return End($"Agent '{agentId}': proficiency {level} in '{skill}' is not within 1–10.");
            }
        }

        var agent = new AgentRecord(agentId, new Dictionary<string, int>(skills, StringComparer.Ordinal), now, _options.AgentHistoryLimit);
        _agents.Add(agentId, agent);
        _agentList.Add(agent);
        foreach (var pool in _pools.Values)
        {
            Join(agent, pool);
        }

        return End(null);
    }

    /// <summary>The agent's softphone registered or its registration ended/expired.</summary>
    public RoutingResult SetRegistered(string agentId, bool registered, DateTimeOffset now)
    {
        now = Begin(now);
        if (!_agents.TryGetValue(agentId, out var agent))
        {
            return End(UnknownAgent(agentId));
        }

        if (agent.Registered != registered)
        {
            bool wasLoggedIn = agent.IsLoggedIn, wasStaffed = agent.IsStaffed;
            if (!registered)
            {
                LeaveAgentSets(agent);
            }

            agent.ChangeRegistration(registered, now);
            UpdateCounts(agent, wasLoggedIn, wasStaffed);
            if (agent.IsRoutable)
            {
                OfferOrPark(agent, now);
            }
        }

        return End(null);
    }

    /// <summary>The agent logs in and becomes available.</summary>
    public RoutingResult LogIn(string agentId, DateTimeOffset now) =>
        Control(agentId, now, AgentState.Available, null, s => s == AgentState.LoggedOut);

    /// <summary>The agent logs out (not while ringing or on a call).</summary>
    public RoutingResult LogOut(string agentId, DateTimeOffset now) =>
        Control(agentId, now, AgentState.LoggedOut, null, s => s is AgentState.Available or AgentState.Paused or AgentState.WrapUp);

    /// <summary>The agent pauses with a reason (not while ringing or on a call).</summary>
    public RoutingResult Pause(string agentId, string reason, DateTimeOffset now) =>
        Control(agentId, now, AgentState.Paused, reason, s => s is AgentState.Available or AgentState.Paused or AgentState.WrapUp);

    /// <summary>The agent ends a pause or wrap-up early and becomes available; its miss count starts again.</summary>
    public RoutingResult Resume(string agentId, DateTimeOffset now) =>
        Control(agentId, now, AgentState.Available, null, s => s is AgentState.Paused or AgentState.WrapUp);

    private RoutingResult Control(string agentId, DateTimeOffset now, AgentState target, string? reason, Func<AgentState, bool> allowedFrom)
    {
        now = Begin(now);
        if (!_agents.TryGetValue(agentId, out var agent))
        {
            return End(UnknownAgent(agentId));
        }

        if (!allowedFrom(agent.State))
        {
            return End($"Agent '{agentId}' cannot go from {agent.State} to {target}.");
        }

        if (target == AgentState.Available)
        {
            agent.ConsecutiveMisses = 0;
        }

        SetState(agent, target, reason, now);
        return End(null);
    }

    /// <summary>
    /// The one place an agent's state changes: leaves the available sets first (their order depends on fields
    /// changed here), keeps the pools' staffed counts, and offers or parks the agent once it is routable.
    /// </summary>
    private void SetState(AgentRecord agent, AgentState state, string? reason, DateTimeOffset now)
    {
        bool wasLoggedIn = agent.IsLoggedIn, wasStaffed = agent.IsStaffed;
        LeaveAgentSets(agent);
        if (state == AgentState.Available && agent.State != AgentState.Available)
        {
            agent.IdleSince = now;
        }

        agent.ChangeState(state, reason, now);
        UpdateCounts(agent, wasLoggedIn, wasStaffed);
        if (agent.IsRoutable)
        {
            OfferOrPark(agent, now);
        }
    }

    private static void UpdateCounts(AgentRecord agent, bool wasLoggedIn, bool wasStaffed)
    {
        int loggedIn = (agent.IsLoggedIn ? 1 : 0) - (wasLoggedIn ? 1 : 0);
        int staffed = (agent.IsStaffed ? 1 : 0) - (wasStaffed ? 1 : 0);
        if (loggedIn == 0 && staffed == 0)
        {
            return;
        }

        foreach (var m in agent.Memberships)
        {
            m.Pool.LoggedIn += loggedIn;
            m.Pool.Staffed += staffed;
        }
    }

    private static void LeaveAgentSets(AgentRecord agent)
    {
        if (!agent.InAgentSets)
        {
            return;
        }

        foreach (var m in agent.Memberships)
        {
            m.Pool.Agents.Remove(m);
        }

        agent.InAgentSets = false;
    }

    private static string UnknownAgent(string agentId) => $"Unknown agent '{agentId}'.";
}
