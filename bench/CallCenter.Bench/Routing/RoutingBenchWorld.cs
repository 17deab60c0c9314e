using CallCenter.Routing;

namespace CallCenter.Bench.Routing;

/// <summary>
/// A full contact centre for the routing benchmarks: <c>agents</c> agents all on a call and <c>10 × agents</c>
/// contacts waiting, spread over 10 skill queues with two expansion steps each (the last accepts the general skill
/// every agent has, so every agent serves every queue's widest pool). <see cref="Cycle"/> keeps that steady:
/// one call ends, the freed agent is offered the head of the line and answers, and one new caller arrives.
/// </summary>
internal sealed class RoutingBenchWorld
{
    private const int Skills = 10;
    private const int Pregenerated = 1 << 16;

    private static readonly RoutingStrategy[] Strategies = [RoutingStrategy.BestSkill, RoutingStrategy.LongestIdle, RoutingStrategy.RoundRobin, RoutingStrategy.FewestCalls];

    private readonly Queue<string> _connected = new();
    private readonly string[] _queueIds;
    private readonly int[] _queueChoice = new int[Pregenerated];
    private readonly int[] _priorityChoice = new int[Pregenerated];
    private readonly TimeSpan[] _ageChoice = new TimeSpan[Pregenerated];
    private DateTimeOffset _now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private long _nextContact;

    public RoutingBenchWorld(int agents, int waitingPerAgent = 10, int seed = 42)
    {
        var random = new Random(seed);
        Tick = TimeSpan.FromSeconds(200.0 / (agents * waitingPerAgent));
        var queues = Enumerable.Range(0, Skills).Select(i => new QueueDefinition("q" + i, [new SkillRequirement("s" + i, 5)])
        {
            Strategy = Strategies[i % Strategies.Length],
            Expansion = [ExpansionStep.LowerMinimum(TimeSpan.FromSeconds(30), 3), ExpansionStep.Accept(TimeSpan.FromSeconds(90), new SkillRequirement("general", 1))],
        }).ToList();
        _queueIds = [.. queues.Select(q => q.Id)];
        Engine = new RoutingEngine(queues, new RoutingEngineOptions { AgentHistoryLimit = 64 });
        for (int i = 0; i < Pregenerated; i++)
        {
            _queueChoice[i] = random.Next(Skills);
            _priorityChoice[i] = random.Next(20) == 0 ? 1 : 0;
            _ageChoice[i] = TimeSpan.FromSeconds(random.Next(0, 120));
        }

        for (int a = 0; a < agents; a++)
        {
            var skills = new Dictionary<string, int> { ["general"] = random.Next(1, 11) };
            for (int k = 0; k < 3; k++)
            {
                skills["s" + random.Next(Skills)] = random.Next(1, 11);
            }

            string id = "agent" + a;
            Engine.AddAgent(id, skills, _now);
            Engine.SetRegistered(id, true, _now);
            Engine.LogIn(id, _now);
        }

        // Busy every agent, then fill the line.
        while (_connected.Count < agents)
        {
            Arrive();
        }

        for (int i = 0; i < agents * waitingPerAgent; i++)
        {
            Arrive();
        }
    }

    public RoutingEngine Engine { get; }

    /// <summary>
    /// Time added per cycle, chosen so the line turns over in 200 s at every size: each contact passes both
    /// expansion steps (30 s, 90 s) while it waits and ring timeouts fall due, so every size does the same mix of
    /// work per cycle and only the sizes of the sets differ.
    /// </summary>
    public TimeSpan Tick { get; }

    /// <summary>One call ends (decision: the freed agent takes the best head of line), then one caller arrives (decision: no agent free, so it queues).</summary>
    public void Cycle()
    {
        EndOneCall();
        Arrive();
    }

    /// <summary>The "agent frees up" decision alone, plus answering the offer it produced.</summary>
    public void EndOneCall()
    {
        _now += Tick;
        AnswerOffers(Engine.CallEnded(_connected.Dequeue(), _now));
    }

    /// <summary>The "contact arrives" decision alone (answering any offer it produced).</summary>
    public void Arrive()
    {
        long n = _nextContact++;
        int pick = (int)(n & (Pregenerated - 1));
        var contact = new WaitingContact("c" + n, _queueIds[_queueChoice[pick]], _priorityChoice[pick], _now - _ageChoice[pick]);
        AnswerOffers(Engine.Enqueue(contact, _now));
    }

    private void AnswerOffers(RoutingResult result)
    {
        foreach (var decision in result.Decisions)
        {
            if (decision is Offer offer)
            {
                Engine.Answered(offer.Contact.Id, offer.AgentId, _now);
                _connected.Enqueue(offer.Contact.Id);
            }
        }
    }
}
