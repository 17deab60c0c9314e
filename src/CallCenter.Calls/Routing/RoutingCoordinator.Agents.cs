using System.Collections.Frozen;
using CallCenter.Routing;
using CallCenter.Sip.Registrar;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.Routing;

/// <summary>
/// Agents: added from the file at start, registered and unregistered as their softphones' bindings come and go, and
/// watched after every event so observers hear of each state change and flows can ask who is logged in.
/// </summary>
public sealed partial class RoutingCoordinator
{
    private readonly AgentMark[] _agentMarks;

    // Replaced as a whole on the router's executor, read by calls on theirs.
    private volatile FrozenSet<string> _staffedSkills = FrozenSet<string>.Empty;

    /// <inheritdoc />
    public bool AgentsAvailable(string skill) => _staffedSkills.Contains(skill);

    private void AddAgents(bool loggedIn)
    {
        var now = Now;
        foreach (var agent in _config.Agents)
        {
            var added = _engine.AddAgent(agent.Extension, agent.Skills, now);
            if (!added.Applied)
            {
                _logger.LogWarning("Routing: agent {Agent} not added: {Error}", agent.Extension, added.Error);
                continue;
            }

            if (loggedIn)
            {
                Apply(_engine.LogIn(agent.Extension, now), "log-in of " + agent.Extension);
            }

            Apply(_engine.SetRegistered(agent.Extension, _bindings.Lookup(agent.Extension).Count > 0, now), "registration of " + agent.Extension);
        }

        NoticeAgentChanges();
    }

    private void OnBindingChanged(BindingChange change) => _executor.Post(() =>
    {
        if (_engine.GetAgent(change.Aor) is null)
        {
            return;
        }

        // The store's view now, not the event's: events may be applied late, the registration as it stands is what counts.
        bool registered = _bindings.Lookup(change.Aor).Count > 0;
        _logger.LogInformation("Routing: agent {Agent} is {State}", change.Aor, registered ? "registered" : "not registered");
        Apply(_engine.SetRegistered(change.Aor, registered, Now), "registration of " + change.Aor);
    });

    /// <summary>
    /// Tells observers of every agent whose history grew since the last look, and rebuilds the set of skills some
    /// logged-in, registered agent has. O(agents) per event: cheap next to a SIP transaction at contact-centre sizes.
    /// </summary>
    private void NoticeAgentChanges()
    {
        var agents = _engine.Agents;
        bool changed = false;
        for (int i = 0; i < agents.Count && i < _agentMarks.Length; i++)
        {
            var history = agents[i].History;
            var mark = new AgentMark(history.Count, history[^1]);
            if (mark == _agentMarks[i])
            {
                continue;
            }

            _agentMarks[i] = mark;
            changed = true;
            var status = StatusOf(agents[i]);
            Observe(o => o.AgentStateChanged(status));
        }

        if (changed)
        {
            _staffedSkills = agents
                .Where(a => a.State != AgentState.LoggedOut && a.Registered)
                .SelectMany(a => a.Skills.Where(s => s.Value > 0).Select(s => s.Key))
                .ToFrozenSet(StringComparer.Ordinal);
        }
    }

    private AgentStatus StatusOf(AgentRecord agent) => new(
        agent.Id,
        _config.TryGetAgent(agent.Id, out var config) ? config.Name : agent.Id,
        agent.State,
        agent.PauseReason,
        agent.StateSince,
        agent.Skills,
        agent.Registered,
        agent.CallsHandled,
        agent.ContactId);

    /// <summary>How far an agent's history had got when observers were last told.</summary>
    private readonly record struct AgentMark(int Count, AgentStateChange Last);
}
