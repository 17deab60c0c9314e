namespace CallCenter.Calls.Routing;

/// <summary>
/// Routing events for metrics, called on the router's executor as they happen (an implementation must be quick and
/// must not call back into the router). Every event does nothing by default: an observer implements the ones it uses.
/// Live figures (waiting, longest wait, agents by state) come from <see cref="IContactCentre.GetQueuesAsync"/> instead.
/// </summary>
public interface IRoutingObserver
{
    /// <summary>A contact entered <paramref name="queue"/> (a call, or a callback when <paramref name="callback"/>).</summary>
    void Offered(string queue, bool callback)
    {
    }

    /// <summary>An agent answered a contact of <paramref name="queue"/> after it waited <paramref name="wait"/>.</summary>
    void Answered(string queue, TimeSpan wait, bool withinThreshold)
    {
    }

    /// <summary>A caller hung up while waiting in <paramref name="queue"/> after <paramref name="wait"/>.</summary>
    void Abandoned(string queue, TimeSpan wait, bool afterThreshold)
    {
    }

    /// <summary>An agent did not answer an offer of <paramref name="queue"/> in time.</summary>
    void RingNoAnswer(string queue, string agentId)
    {
    }

    /// <summary>A conversation of <paramref name="queue"/> ended after <paramref name="handleTime"/> (talk, not wrap-up).</summary>
    void Handled(string queue, TimeSpan handleTime)
    {
    }

    /// <summary>
    /// A waiting contact got its first offer: the wait it was told on arrival (<paramref name="estimated"/>) and the
    /// wait it had (<paramref name="actual"/>), for the estimate's error.
    /// </summary>
    void EstimateChecked(string queue, TimeSpan estimated, TimeSpan actual)
    {
    }

    /// <summary>An agent's state changed (for the agent-state log and metrics).</summary>
    void AgentStateChanged(AgentStatus agent)
    {
    }
}
