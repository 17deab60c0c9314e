namespace CallCenter.Routing;

public sealed partial class RoutingEngine
{
    /// <summary>A contact arrives (from the IVR's queue node, a callback, or a transfer) and is routed at once if it can be.</summary>
    public RoutingResult Enqueue(WaitingContact contact, DateTimeOffset now)
    {
        now = Begin(now);
        if (_contacts.ContainsKey(contact.Id))
        {
            return End($"Contact '{contact.Id}' is already in routing.");
        }

        if (!_queues.TryGetValue(contact.QueueId, out var queue))
        {
            return End($"Unknown queue '{contact.QueueId}'.");
        }

        if (contact.Requirements is { } own && QueueValidator.CheckRequirements($"Contact '{contact.Id}'", own).FirstOrDefault() is { } problem)
        {
            return End(problem);
        }

        Admit(contact, queue, now, _queues.Count);
        return End(null);
    }

    /// <summary>The agent answered the offer of <paramref name="contactId"/> (ignored unless that offer is still ringing that agent).</summary>
    public RoutingResult Answered(string contactId, string agentId, DateTimeOffset now)
    {
        now = Begin(now);
        if (Ringing(contactId, agentId) is not { } contact)
        {
            return End(NotRinging(contactId, agentId));
        }

        var agent = contact.Agent!;
        contact.Status = ContactState.Connected;
        contact.AnsweredAt = now;
        contact.Queue.LineOutcomes.Add(served: true);
        agent.ConsecutiveMisses = 0;
        agent.CallsHandled++;
        SetState(agent, AgentState.OnCall, null, now);
        return End(null);
    }

    /// <summary>The offer was not answered (e.g. the phone reported no answer before the engine's ring timeout).</summary>
    public RoutingResult NoAnswer(string contactId, string agentId, DateTimeOffset now)
    {
        now = Begin(now);
        if (Ringing(contactId, agentId) is not { } contact)
        {
            return End(NotRinging(contactId, agentId));
        }

        Missed(contact, now);
        return End(null);
    }

    /// <summary>
    /// The agent's phone was busy or declined: the contact goes back to its place, and the agent gets no offer
    /// for the queue's reject delay (paused with reason "reject delay", resumed by a timer).
    /// </summary>
    public RoutingResult Rejected(string contactId, string agentId, DateTimeOffset now)
    {
        now = Begin(now);
        if (Ringing(contactId, agentId) is not { } contact)
        {
            return End(NotRinging(contactId, agentId));
        }

        var agent = Release(contact);
        PlaceContact(contact, now);
        var delay = contact.Queue.Definition.RejectDelay;
        if (delay > TimeSpan.Zero)
        {
            SetState(agent, AgentState.Paused, RejectDelayReason, now);
            _timers.Add(now + delay, new RoutingTimer(TimerKind.AgentReady, null, agent, agent.TimerVersion));
        }
        else
        {
            SetState(agent, AgentState.Available, "rejected", now);
        }

        return End(null);
    }

    /// <summary>
    /// The caller hung up. Waiting: it leaves the line. Ringing: the agent is released at once and an
    /// <see cref="OfferWithdrawn"/> tells the call layer to stop ringing. Connected: the call ends (wrap-up).
    /// </summary>
    public RoutingResult CallerAbandoned(string contactId, DateTimeOffset now)
    {
        now = Begin(now);
        if (!_contacts.TryGetValue(contactId, out var contact))
        {
            return End($"Unknown contact '{contactId}'.");
        }

        switch (contact.Status)
        {
            case ContactState.Waiting:
                contact.CurrentPool.Contacts.Remove(contact);
                contact.Queue.LineOutcomes.Add(served: false);
                Forget(contact);
                break;
            case ContactState.Ringing:
                contact.Queue.LineOutcomes.Add(served: false);
                var agent = Release(contact);
                Forget(contact);
                Emit(new OfferWithdrawn(now, contactId, agent.Id, WithdrawReason.CallerAbandoned));
                SetState(agent, AgentState.Available, "caller abandoned", now);
                break;
            default:
                EndCall(contact, now);
                break;
        }

        return End(null);
    }

    /// <summary>The connected call ended: the agent goes to wrap-up (or straight to available with no wrap-up).</summary>
    public RoutingResult CallEnded(string contactId, DateTimeOffset now)
    {
        now = Begin(now);
        if (!_contacts.TryGetValue(contactId, out var contact) || contact.Status != ContactState.Connected)
        {
            return End($"Contact '{contactId}' is not connected.");
        }

        EndCall(contact, now);
        return End(null);
    }

    /// <summary>
    /// The agent transfers the call: nobody is passed person to person. The agent's call ends (wrap-up) and the
    /// contact goes back through routing in <paramref name="queueId"/> with the new requirements, as a new arrival.
    /// </summary>
    public RoutingResult Transfer(string contactId, string queueId, IReadOnlyList<SkillRequirement>? requirements, DateTimeOffset now)
    {
        now = Begin(now);
        if (!_contacts.TryGetValue(contactId, out var contact) || contact.Status != ContactState.Connected)
        {
            return End($"Contact '{contactId}' is not connected.");
        }

        if (!_queues.TryGetValue(queueId, out var queue))
        {
            return End($"Unknown queue '{queueId}'.");
        }

        if (requirements is not null && QueueValidator.CheckRequirements($"Transfer of '{contactId}'", requirements).FirstOrDefault() is { } problem)
        {
            return End(problem);
        }

        EndCall(contact, now);
        var transferred = contact.Contact with { QueueId = queueId, ArrivedAt = now, Kind = ContactKind.Call, Requirements = requirements };
        Admit(transferred, queue, now, _queues.Count);
        return End(null);
    }

    /// <summary>Puts a contact into a queue, or applies the nobody-logged-in fallback (overflow chains are bounded by the queue count).</summary>
    private void Admit(WaitingContact contact, QueueRuntime queue, DateTimeOffset now, int overflowsLeft)
    {
        var pools = PoolsFor(queue, contact.Requirements);
        var fallback = queue.Definition.WhenNobodyLoggedIn;
        if (fallback.Action != FallbackAction.Wait && pools[^1].LoggedIn == 0 && contact.Kind == ContactKind.Call)
        {
            if (fallback.Action == FallbackAction.Overflow && overflowsLeft > 0)
            {
                var target = _queues[fallback.OverflowQueueId!];
                Emit(new ContactOverflowed(now, contact.Id, queue.Definition.Id, target.Definition.Id));
                Admit(contact with { QueueId = target.Definition.Id, Requirements = null }, target, now, overflowsLeft - 1);
                return;
            }

            if (fallback.Action != FallbackAction.Overflow)
            {
                Emit(new ContactLeft(now, contact, fallback.Action, LeaveReason.NobodyLoggedIn));
                return;
            }
        }

        var entry = new ContactEntry(contact, queue, pools);
        while (entry.Step < queue.Steps.Length && contact.ArrivedAt + queue.Steps[entry.Step].After <= now)
        {
            entry.Step++;
        }

        _contacts.Add(contact.Id, entry);
        ScheduleNextStep(entry);
        if (queue.Definition.MaxWait is { } maxWait && contact.Kind == ContactKind.Call)
        {
            _timers.Add(now + maxWait, new RoutingTimer(TimerKind.MaxWait, entry, null, 0));
        }

        PlaceContact(entry, now);
    }

    private void EndCall(ContactEntry contact, DateTimeOffset now)
    {
        var agent = contact.Agent!;
        var wrapUp = contact.Queue.Definition.WrapUp;
        contact.Queue.HandleTimes.Add(now - contact.AnsweredAt!.Value + wrapUp);
        Release(contact);
        Forget(contact);
        if (wrapUp > TimeSpan.Zero)
        {
            SetState(agent, AgentState.WrapUp, null, now);
            _timers.Add(now + wrapUp, new RoutingTimer(TimerKind.AgentReady, null, agent, agent.TimerVersion));
        }
        else
        {
            SetState(agent, AgentState.Available, null, now);
        }
    }

    /// <summary>Ring-no-answer: the contact keeps its place and is offered on; the agent is skipped, and paused after too many misses.</summary>
    private void Missed(ContactEntry contact, DateTimeOffset now)
    {
        var agent = Release(contact);
        agent.ConsecutiveMisses++;

        // The contact is placed while the agent is still reserved, so it goes to the next agent in line.
        PlaceContact(contact, now);
        if (agent.ConsecutiveMisses >= contact.Queue.Definition.MaxConsecutiveMisses)
        {
            SetState(agent, AgentState.Paused, MissedCallsReason, now);
            Emit(new AgentPaused(now, agent.Id, MissedCallsReason));
        }
        else
        {
            SetState(agent, AgentState.Available, "no answer", now);
        }
    }

    /// <summary>Detaches the agent from a ringing or connected contact; the contact is waiting again until placed or forgotten.</summary>
    private static AgentRecord Release(ContactEntry contact)
    {
        var agent = contact.Agent!;
        agent.ContactId = null;
        contact.Agent = null;
        contact.Status = ContactState.Waiting;
        return agent;
    }

    private void Forget(ContactEntry contact)
    {
        contact.Live = false;
        _contacts.Remove(contact.Contact.Id);
    }

    // The agent is part of the key: a late answer from an agent whose offer was withdrawn must not connect the
    // contact that has since been offered to someone else.
    private ContactEntry? Ringing(string contactId, string agentId) =>
        _contacts.TryGetValue(contactId, out var c) && c.Status == ContactState.Ringing && c.Agent!.Id == agentId ? c : null;

    private static string NotRinging(string contactId, string agentId) => $"Contact '{contactId}' is not ringing agent '{agentId}'.";
}
