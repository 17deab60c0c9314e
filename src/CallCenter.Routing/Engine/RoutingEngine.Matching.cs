namespace CallCenter.Routing;

public sealed partial class RoutingEngine
{
    /// <summary>
    /// An agent became routable: offer it the best contact at the head of any pool it serves (highest priority,
    /// then longest wait from the original arrival, then contact id), or park it in all its pools' agent sets.
    /// </summary>
    private void OfferOrPark(AgentRecord agent, DateTimeOffset now)
    {
        ContactEntry? best = null;
        foreach (var m in agent.Memberships)
        {
            var contacts = m.Pool.Contacts;
            if (contacts.Count > 0)
            {
                var head = contacts.Min!;
                if (best is null || _contactOrder.Compare(head, best) < 0)
                {
                    best = head;
                }
            }
        }

        if (best is not null)
        {
            best.CurrentPool.Contacts.Remove(best);
            Offer(best, agent, now);
            return;
        }

        foreach (var m in agent.Memberships)
        {
            m.Pool.Agents.Add(m);
        }

        agent.InAgentSets = true;
    }

    /// <summary>A waiting contact (new, returned after a miss, or widened): offer it the pool's best agent or join the line.</summary>
    private void PlaceContact(ContactEntry contact, DateTimeOffset now)
    {
        var pool = contact.CurrentPool;
        if (pool.Agents.Count > 0)
        {
            Offer(contact, pool.Agents.Min!.Agent, now);
        }
        else
        {
            pool.Contacts.Add(contact);
        }
    }

    private void Offer(ContactEntry contact, AgentRecord agent, DateTimeOffset now)
    {
        SetState(agent, AgentState.Reserved, null, now);
        agent.ContactId = contact.Contact.Id;
        agent.LastOfferSequence = ++_offerSequence;
        contact.Status = ContactState.Ringing;
        contact.Agent = agent;
        contact.OfferVersion++;
        var deadline = now + contact.Queue.Definition.RingTimeout;
        _timers.Add(deadline, new RoutingTimer(TimerKind.RingTimeout, contact, null, contact.OfferVersion));
        Emit(new Offer(now, contact.Contact, agent.Id, deadline));
    }

    /// <summary>The pool for a rule and strategy, created on first use with every eligible agent in it.</summary>
    private RoutingPool GetPool(EligibilityRule rule, RoutingStrategy strategy)
    {
        var key = (strategy, rule.Key);
        if (_pools.TryGetValue(key, out var pool))
        {
            return pool;
        }

        pool = new RoutingPool(rule, _contactOrder, _agentOrders[(int)strategy]);
        _pools.Add(key, pool);
        foreach (var agent in _agentList)
        {
            Join(agent, pool);
        }

        return pool;
    }

    private static void Join(AgentRecord agent, RoutingPool pool)
    {
        if (!pool.Rule.IsMetBy(agent.Skills))
        {
            return;
        }

        var membership = new PoolMembership(agent, pool, pool.Rule.Score(agent.Skills));
        agent.Memberships.Add(membership);
        pool.LoggedIn += agent.IsLoggedIn ? 1 : 0;
        pool.Staffed += agent.IsStaffed ? 1 : 0;
        if (agent.InAgentSets)
        {
            // A new pool has no contacts yet, so parking the agent keeps the pool invariant.
            pool.Agents.Add(membership);
        }
    }

    /// <summary>
    /// One pool per expansion step for these requirements (index 0 = no step yet). Cached per queue and
    /// requirement set, so a contact with the same custom requirements as an earlier one costs one lookup.
    /// </summary>
    private RoutingPool[] PoolsFor(QueueRuntime queue, IReadOnlyList<SkillRequirement>? requirements)
    {
        if (requirements is null)
        {
            return queue.DefaultPools ??= BuildPools(queue, queue.Definition.Requirements);
        }

        var key = RequirementsKey(requirements);
        if (!queue.CustomPools.TryGetValue(key, out var pools))
        {
            pools = BuildPools(queue, requirements);
            queue.CustomPools.Add(key, pools);
        }

        return pools;
    }

    private RoutingPool[] BuildPools(QueueRuntime queue, IReadOnlyList<SkillRequirement> requirements)
    {
        var rules = EligibilityRule.ForEachStep(requirements, queue.Steps);
        var pools = new RoutingPool[rules.Length];
        for (int i = 0; i < rules.Length; i++)
        {
            pools[i] = GetPool(rules[i], queue.Definition.Strategy);
        }

        return pools;
    }

    /// <summary>The requirements as given (order kept); names are length-prefixed so no two lists share a key.</summary>
    private static string RequirementsKey(IReadOnlyList<SkillRequirement> requirements)
    {
        var text = new System.Text.StringBuilder();
        foreach (var r in requirements)
        {
            text.Append(r.Skill.Length).Append(':').Append(r.Skill).Append(r.MinProficiency).Append(';');
        }

        return text.ToString();
    }
}
