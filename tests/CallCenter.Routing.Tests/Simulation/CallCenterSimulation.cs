using CallCenter.Routing.Tests.Properties;

namespace CallCenter.Routing.Tests.Simulation;

/// <summary>
/// A seeded discrete-event simulation of a contact centre on a fake clock: callers arrive (Poisson), some are VIPs,
/// they give up after an exponential patience; agents answer after a few seconds, sometimes let it ring out or
/// decline, take breaks, lose their registration for a while, and transfer a few calls. Every event goes through
/// the real <see cref="RoutingEngine"/> via the <see cref="RoutingObserver"/>, which checks the invariants.
/// </summary>
internal sealed partial class CallCenterSimulation
{
    private static readonly string[] QueueMix = ["billing", "billing", "billing", "billing", "billing", "billing", "billing", "sales-tl", "sales-tl", "sales-tl", "tech", "tech", "tech", "tech", "general", "general", "general", "general", "general", "general"];

    private readonly Random _random;
    private readonly RoutingObserver _observer;
    private readonly PriorityQueue<Action, (long Ticks, long Sequence)> _events = new();
    private readonly Dictionary<string, Caller> _callers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _offerTokens = new(StringComparer.Ordinal);
    private readonly int _agentCount;
    private readonly int _callerCount;
    private readonly double _arrivalsPerSecond;
    private DateTimeOffset _now = TestKit.T0;
    private long _sequence;
    private long _token;

    public CallCenterSimulation(int seed, int agents, int callers, double arrivalsPerSecond)
    {
        _random = new Random(seed);
        _agentCount = agents;
        _callerCount = callers;
        _arrivalsPerSecond = arrivalsPerSecond;
        Engine = new RoutingEngine(SimulationSetup.Queues);
        _observer = new RoutingObserver(Engine, SimulationSetup.Queues) { FullCheckEvery = 200 };
        Figures = new SimulationFigures { Agents = agents, Callers = callers };
    }

    public RoutingEngine Engine { get; }

    public SimulationFigures Figures { get; }

    /// <summary>Runs until every caller has been served or has given up and every timer has fired.</summary>
    public void Run()
    {
        StartAgents();
        ScheduleArrivals();
        while (true)
        {
            DateTimeOffset? timer = Engine.NextTimerDue;
            bool haveEvent = _events.TryPeek(out _, out var next);
            if (timer is null && !haveEvent)
            {
                break;
            }

            if (timer is { } due && (!haveEvent || due.UtcTicks <= next.Ticks))
            {
                _now = due > _now ? due : _now;
                Apply(e => e.AdvanceTo(_now));
            }
            else
            {
                var action = _events.Dequeue();
                _now = new DateTimeOffset(next.Ticks, TimeSpan.Zero);
                action();
            }
        }

        Figures.OffersChecked = _observer.OffersChecked;
        Figures.MaxWaiting = _observer.MaxWaiting;
        Figures.SimulatedTime = _now - TestKit.T0;
    }

    private void At(double secondsFromNow, Action action) =>
        _events.Enqueue(action, (_now.AddSeconds(secondsFromNow).UtcTicks, _sequence++));

    private double Exponential(double mean) => -mean * Math.Log(1 - _random.NextDouble());

    private void StartAgents()
    {
        for (int i = 0; i < _agentCount; i++)
        {
            string id = "agent" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            var skills = SimulationSetup.AgentSkills(_random);
            Apply(e => e.AddAgent(id, skills, _now));
            Apply(e => e.SetRegistered(id, true, _now));
            Apply(e => e.LogIn(id, _now));

            // About one agent in three takes a 5-minute break, one in twenty loses its registration for 2 minutes.
            if (_random.Next(3) == 0)
            {
                At(_random.Next(60, 2400), () => Apply(e => e.Pause(id, "break", _now)));
            }

            if (_random.Next(20) == 0)
            {
                At(_random.Next(60, 2400), () =>
                {
                    Apply(e => e.SetRegistered(id, false, _now));
                    At(120, () => Apply(e => e.SetRegistered(id, true, _now)));
                });
            }
        }

        // Paused agents come back 5 minutes later (a break) or 1 minute later (missed calls), whatever paused them.
        At(1, ResumeBreaks);
    }

    private void ResumeBreaks()
    {
        foreach (var agent in Engine.Agents)
        {
            if (agent.State == AgentState.Paused && agent.PauseReason == "break" && _now - agent.StateSince >= TimeSpan.FromMinutes(5))
            {
                Apply(e => e.Resume(agent.Id, _now));
            }
        }

        if (_events.Count > 0)
        {
            At(15, ResumeBreaks);
        }
    }

    private void ScheduleArrivals()
    {
        double t = 0;
        for (int i = 0; i < _callerCount; i++)
        {
            t += Exponential(1 / _arrivalsPerSecond);
            int index = i;
            At(t, () => Arrive(index));
        }
    }

    private RoutingResult Apply(Func<RoutingEngine, RoutingResult> routingEvent)
    {
        var result = _observer.Apply(routingEvent);
        foreach (var decision in result.Decisions)
        {
            Handle(decision);
        }

        return result;
    }
}
