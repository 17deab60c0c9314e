using CallCenter.Calls.Routing;

namespace CallCenter.Calls.Tests.Routing;

/// <summary>Every routing event, as text, in order.</summary>
internal sealed class RecordingObserver : IRoutingObserver
{
    public List<string> Events { get; } = [];

    public List<AgentStatus> AgentChanges { get; } = [];

    public void Offered(string queue, bool callback) => Events.Add($"offered {queue}{(callback ? " callback" : "")}");

    public void Answered(string queue, TimeSpan wait, bool withinThreshold) => Events.Add($"answered {queue} {wait.TotalSeconds:0}s {(withinThreshold ? "within" : "late")}");

    public void Abandoned(string queue, TimeSpan wait, bool afterThreshold) => Events.Add($"abandoned {queue} {wait.TotalSeconds:0}s {(afterThreshold ? "after" : "before")}");

    public void RingNoAnswer(string queue, string agentId) => Events.Add($"rona {queue} {agentId}");

    public void Handled(string queue, TimeSpan handleTime) => Events.Add($"handled {queue} {handleTime.TotalSeconds:0}s");

    public void EstimateChecked(string queue, TimeSpan estimated, TimeSpan actual) => Events.Add($"estimate {queue} {estimated.TotalSeconds:0}s/{actual.TotalSeconds:0}s");

    public void AgentStateChanged(AgentStatus agent) => AgentChanges.Add(agent);
}
