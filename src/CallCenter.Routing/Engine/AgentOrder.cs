namespace CallCenter.Routing;

/// <summary>
/// The order of a pool's available agents for one strategy; the set's minimum is the agent offered next.
/// Every order ends with the agent id (ordinal), so two agents never compare equal and the choice is deterministic.
/// </summary>
internal sealed class AgentOrder : IComparer<PoolMembership>
{
    private readonly RoutingStrategy _strategy;

    public AgentOrder(RoutingStrategy strategy) =>
        _strategy = Enum.IsDefined(strategy) ? strategy : throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown routing strategy.");

    /// <summary>Comparisons made so far (see <see cref="ContactOrder.Comparisons"/>).</summary>
    public long Comparisons { get; private set; }

    public int Compare(PoolMembership? x, PoolMembership? y)
    {
        Comparisons++;
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        var a = x!.Agent;
        var b = y!.Agent;
        int first = _strategy switch
        {
            RoutingStrategy.BestSkill => Chain(y.Score.CompareTo(x.Score), Idle(a, b)),
            RoutingStrategy.LongestIdle => Idle(a, b),
            RoutingStrategy.RoundRobin => a.LastOfferSequence.CompareTo(b.LastOfferSequence),
            _ => Chain(a.CallsHandled.CompareTo(b.CallsHandled), Idle(a, b)),
        };
        return first != 0 ? first : string.CompareOrdinal(a.Id, b.Id);
    }

    private static int Idle(AgentRecord a, AgentRecord b) => a.IdleSince.UtcTicks.CompareTo(b.IdleSince.UtcTicks);

    private static int Chain(int first, int second) => first != 0 ? first : second;
}
