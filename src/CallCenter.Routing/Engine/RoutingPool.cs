namespace CallCenter.Routing;

/// <summary>
/// Contacts waiting for one set of agents, and those agents that are available now. The engine keeps the
/// invariant that a pool never has both a waiting contact and an available agent: whichever arrives second is
/// matched at once. Both sets are red-black trees, so insert, remove and head cost O(log n).
/// </summary>
internal sealed class RoutingPool
{
    public RoutingPool(EligibilityRule rule, ContactOrder contactOrder, AgentOrder agentOrder)
    {
        Rule = rule;
        Contacts = new SortedSet<ContactEntry>(contactOrder);
        Agents = new SortedSet<PoolMembership>(agentOrder);
    }

    public EligibilityRule Rule { get; }

    /// <summary>Waiting contacts, best first.</summary>
    public SortedSet<ContactEntry> Contacts { get; }

    /// <summary>Available, registered, eligible agents, best first for the strategy.</summary>
    public SortedSet<PoolMembership> Agents { get; }

    /// <summary>Eligible agents logged in and registered (paused included).</summary>
    public int LoggedIn { get; set; }

    /// <summary>Eligible agents logged in, registered and not paused.</summary>
    public int Staffed { get; set; }
}
