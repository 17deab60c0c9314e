namespace CallCenter.Routing.Tests.Properties;

/// <summary>
/// A small world driven by a byte script: three queues (one per strategy family, with expansion, overflow and
/// max wait), six agents with mixed skills, and every kind of event in any order. Used by the property tests.
/// </summary>
internal sealed class RandomWorld
{
    private static readonly string[] AgentIds = ["a1", "a2", "a3", "a4", "a5", "a6"];

    private readonly RoutingObserver _observer;
    private readonly List<string> _contactIds = [];
    private DateTimeOffset _now = TestKit.T0;
    private int _next;

    public RandomWorld(int seed)
    {
        Queues =
        [
            new QueueDefinition("billing", [new("billing", 6)])
            {
                Expansion = [ExpansionStep.LowerMinimum(TimeSpan.FromSeconds(20), 2), ExpansionStep.Accept(TimeSpan.FromSeconds(50), new SkillRequirement("general", 1))],
                RingTimeout = TimeSpan.FromSeconds(8),
                WrapUp = TimeSpan.FromSeconds(3),
            },
            new QueueDefinition("sales", [new("sales", 3), new("lang-tl", 2)])
            {
                Strategy = (RoutingStrategy)(seed & 3),
                MaxWait = TimeSpan.FromSeconds(70),
                WhenMaxWait = QueueFallback.OverflowTo("general"),
                RejectDelay = TimeSpan.FromSeconds(4),
            },
            new QueueDefinition("general", [new("general", 1)])
            {
                Strategy = RoutingStrategy.RoundRobin,
                MaxWait = TimeSpan.FromSeconds(200),
                WhenMaxWait = QueueFallback.Callback,
                MaxConsecutiveMisses = 1,
            },
        ];
        Engine = new RoutingEngine(Queues);
        _observer = new RoutingObserver(Engine, Queues);
        var random = new Random(seed);
        foreach (var id in AgentIds)
        {
            var skills = new Dictionary<string, int>();
            foreach (var skill in new[] { "billing", "sales", "lang-tl", "general" })
            {
                if (random.Next(3) > 0)
                {
                    skills[skill] = random.Next(1, 11);
                }
            }

            _observer.Apply(e => e.AddAgent(id, skills, _now));
        }
    }

    public IReadOnlyList<QueueDefinition> Queues { get; }

    public RoutingEngine Engine { get; }

    public int OffersChecked => _observer.OffersChecked;

    /// <summary>Runs one scripted step: the opcode picks the event, the operands pick targets and times.</summary>
    public void Step(byte op, byte x, byte y)
    {
        string agent = AgentIds[x % AgentIds.Length];
        string? contact = _contactIds.Count == 0 ? null : _contactIds[y % _contactIds.Count];
        switch (op % 14)
        {
            case 0 or 1:
                Arrive(x, y);
                break;
            case 2:
                _now = _now.AddSeconds(1 + (y % 40));
                _observer.Apply(e => e.AdvanceTo(_now));
                break;
            case 3:
                _observer.Apply(e => e.SetRegistered(agent, y % 4 != 0, _now));
                break;
            case 4:
                _observer.Apply(e => e.LogIn(agent, _now));
                break;
            case 5:
                _observer.Apply(e => y % 2 == 0 ? e.LogOut(agent, _now) : e.Pause(agent, "break", _now));
                break;
            case 6:
                _observer.Apply(e => e.Resume(agent, _now));
                break;
            default:
                if (contact is not null)
                {
                    ContactEvent(op % 14, contact, y % 3 == 0 ? agent : Engine.GetContact(contact)?.AgentId ?? agent, y);
                }

                break;
        }
    }

    /// <summary>Lets time run with every ringing offer answered and every call ended, until nothing is left.</summary>
    public void Drain()
    {
        for (int i = 0; i < 10_000 && Engine.LiveContacts > 0; i++)
        {
            foreach (var agent in Engine.Agents)
            {
                if (agent.State == AgentState.LoggedOut || !agent.Registered || agent.State == AgentState.Paused)
                {
                    _observer.Apply(e => e.SetRegistered(agent.Id, true, _now));
                    _observer.Apply(e => agent.State == AgentState.LoggedOut ? e.LogIn(agent.Id, _now) : e.Resume(agent.Id, _now));
                }
            }

            foreach (var c in Engine.SnapshotContacts())
            {
                if (c.State == ContactState.Ringing)
                {
                    _observer.Apply(e => e.Answered(c.Contact.Id, c.AgentId!, _now));
                }
                else if (c.State == ContactState.Connected)
                {
                    _observer.Apply(e => e.CallEnded(c.Contact.Id, _now));
                }
            }

            _now = _now.AddSeconds(5);
            _observer.Apply(e => e.AdvanceTo(_now));
        }
    }

    /// <summary>
    /// Contacts still in routing after <see cref="Drain"/> that some agent of the world could serve at the widest
    /// step. A contact nobody can ever serve (a callback, which has no maximum wait, needing a skill no agent has)
    /// legitimately waits; anyone else left over waited forever.
    /// </summary>
    public IReadOnlyList<string> Stuck()
    {
        var never = DateTimeOffset.MaxValue.AddYears(-1);
        return
        [
            .. Engine.SnapshotContacts()
                .Where(c => Engine.Agents.Any(a => Eligibility.IsEligible(a.Skills, c.Contact, _observer.QueueOf(c.Contact), never)))
                .Select(c => $"{c.Contact.Id} {c.State} {c.Contact.QueueId} step {c.Step}"),
        ];
    }

    private void Arrive(byte x, byte y)
    {
        string id = "c" + _next++;
        _contactIds.Add(id);
        var queue = Queues[x % Queues.Count];
        var kind = y % 5 == 0 ? ContactKind.Callback : ContactKind.Call;
        var arrived = kind == ContactKind.Callback ? _now.AddSeconds(-(y % 60)) : _now;
        IReadOnlyList<SkillRequirement>? own = y % 7 == 0 ? [new SkillRequirement("billing", 1 + (y % 10))] : null;
        _observer.Apply(e => e.Enqueue(new WaitingContact(id, queue.Id, y % 3, arrived, kind, own), _now));
    }

    private void ContactEvent(int op, string contact, string agent, byte y)
    {
        _observer.Apply(op switch
        {
            7 or 8 => e => e.Answered(contact, agent, _now),
            9 => e => e.NoAnswer(contact, agent, _now),
            10 => e => e.Rejected(contact, agent, _now),
            11 => e => e.CallerAbandoned(contact, _now),
            12 => e => e.CallEnded(contact, _now),
            _ => e => e.Transfer(contact, Queues[y % Queues.Count].Id, y % 2 == 0 ? null : [new SkillRequirement("sales", 1 + (y % 9))], _now),
        });
    }
}
