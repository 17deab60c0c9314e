namespace CallCenter.Routing;

/// <summary>An agent's place in one pool: the element of the pool's available-agent set.</summary>
internal sealed class PoolMembership(AgentRecord agent, RoutingPool pool, int score)
{
    public AgentRecord Agent { get; } = agent;

    public RoutingPool Pool { get; } = pool;

    /// <summary>Proficiency sum over the skills the pool's rule names (best-skill ordering).</summary>
    public int Score { get; } = score;
}
