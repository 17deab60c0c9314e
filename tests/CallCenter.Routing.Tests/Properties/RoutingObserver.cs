namespace CallCenter.Routing.Tests.Properties;

/// <summary>
/// Wraps every event sent to an engine and checks the invariants after it: no agent double-booked, no
/// reservation stranded, nobody passed over within the same priority and eligibility, expansion on time, and no
/// eligible routable agent left idle while a contact waits. Returns the result so drivers can react to it.
/// </summary>
internal sealed class RoutingObserver(RoutingEngine engine, IEnumerable<QueueDefinition> queues)
{
    private readonly Dictionary<string, QueueDefinition> _queues = queues.ToDictionary(q => q.Id, StringComparer.Ordinal);

    public RoutingEngine Engine { get; } = engine;

    public int OffersChecked { get; private set; }

    public int ExpansionsChecked { get; private set; }

    /// <summary>Most contacts waiting (not ringing, not connected) after any event.</summary>
    public int MaxWaiting { get; private set; }

    /// <summary>Run the idle-agent check (O(agents × waiting)) only every this many events.</summary>
    public int FullCheckEvery { get; init; } = 1;

    private int _events;

    public RoutingResult Apply(Func<RoutingEngine, RoutingResult> routingEvent)
    {
        var waitingBefore = Waiting();
        var result = routingEvent(Engine);
        var waitingAfter = Waiting();
        MaxWaiting = Math.Max(MaxWaiting, waitingAfter.Count);
        CheckOffers(result, waitingBefore, waitingAfter);
        CheckExpansions(result);
        CheckBookings();
        if (++_events % FullCheckEvery == 0)
        {
            CheckNoIdleEligibleAgent(waitingAfter.Values);
        }

        return result;
    }

    public QueueDefinition QueueOf(WaitingContact contact) => _queues[contact.QueueId];

    private Dictionary<string, ContactSnapshot> Waiting() =>
        Engine.SnapshotContacts().Where(c => c.State == ContactState.Waiting).ToDictionary(c => c.Contact.Id, StringComparer.Ordinal);

    private void CheckOffers(RoutingResult result, Dictionary<string, ContactSnapshot> before, Dictionary<string, ContactSnapshot> after)
    {
        var touched = result.Decisions.Select(d => d switch
        {
            Offer o => o.Contact.Id,
            OfferWithdrawn w => w.ContactId,
            ContactOverflowed o => o.ContactId,
            _ => null,
        }).OfType<string>().ToHashSet(StringComparer.Ordinal);

        foreach (var offer in result.Decisions.OfType<Offer>())
        {
            OffersChecked++;
            var agent = Engine.GetAgent(offer.AgentId)!;
            var queue = QueueOf(offer.Contact);
            Assert.True(agent.Registered, $"{offer.AgentId} offered while unregistered");
            Assert.True(Eligibility.IsEligible(agent.Skills, offer.Contact, queue, offer.At), $"{offer.AgentId} not eligible for {offer.Contact.Id} at {offer.At:O}");

            // Contacts that waited throughout the event, ahead of the offered one, that this agent could have taken.
            foreach (var (id, waiting) in before)
            {
                if (!after.ContainsKey(id) || touched.Contains(id) || !Eligibility.IsAhead(waiting.Contact, offer.Contact))
                {
                    continue;
                }

                var current = after[id].Contact;
                Assert.False(
                    Eligibility.IsEligible(agent.Skills, current, QueueOf(current), offer.At),
                    $"{offer.Contact.Id} served by {offer.AgentId} before {id}, who was ahead and eligible");
            }
        }
    }

    private void CheckExpansions(RoutingResult result)
    {
        foreach (var expanded in result.Decisions.OfType<ContactExpanded>())
        {
            var contact = Engine.GetContact(expanded.ContactId)?.Contact;
            if (contact is null)
            {
                continue;
            }

            ExpansionsChecked++;
            var queue = QueueOf(contact);
            var due = contact.ArrivedAt + queue.Expansion.OrderBy(s => s.After).ElementAt(expanded.Step - 1).After;
            Assert.Equal(due, expanded.At);
        }
    }

    private void CheckBookings()
    {
        var contacts = Engine.SnapshotContacts().ToDictionary(c => c.Contact.Id, StringComparer.Ordinal);
        foreach (var agent in Engine.Agents)
        {
            bool busy = agent.State is AgentState.Reserved or AgentState.OnCall;
            Assert.Equal(busy, agent.ContactId is not null);
            if (busy)
            {
                Assert.True(contacts.TryGetValue(agent.ContactId!, out var c), $"{agent.Id} holds a contact routing forgot (stranded)");
                Assert.Equal(agent.Id, c.AgentId);
                Assert.Equal(agent.State == AgentState.Reserved ? ContactState.Ringing : ContactState.Connected, c.State);
            }
        }

        var holders = contacts.Values.Where(c => c.AgentId is not null).ToList();
        Assert.Equal(holders.Count, holders.Select(c => c.AgentId).Distinct().Count());
        foreach (var c in holders)
        {
            Assert.Equal(c.Contact.Id, Engine.GetAgent(c.AgentId!)!.ContactId);
        }

        if (holders.Any(c => c.State == ContactState.Ringing))
        {
            Assert.NotNull(Engine.NextTimerDue);
        }
    }

    private void CheckNoIdleEligibleAgent(IEnumerable<ContactSnapshot> waiting)
    {
        var routable = Engine.Agents.Where(a => a.State == AgentState.Available && a.Registered).ToList();
        if (routable.Count == 0)
        {
            return;
        }

        foreach (var w in waiting)
        {
            var queue = QueueOf(w.Contact);
            foreach (var agent in routable)
            {
                Assert.False(
                    Eligibility.IsEligible(agent.Skills, w.Contact, queue, EngineNow(w)),
                    $"{w.Contact.Id} waits while eligible {agent.Id} is available");
            }
        }
    }

    // The engine applies the expansion step that is in force; its step count tells the checker which time that was.
    private DateTimeOffset EngineNow(ContactSnapshot w)
    {
        var steps = QueueOf(w.Contact).Expansion.OrderBy(s => s.After).ToList();
        return w.Step == 0 ? w.Contact.ArrivedAt : w.Contact.ArrivedAt + steps[w.Step - 1].After;
    }
}
