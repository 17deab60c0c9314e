using Xunit.Abstractions;

namespace CallCenter.Routing.Tests.Properties;

/// <summary>
/// The engine's work per decision grows with log n. Timings belong to the benchmark (bench/README.md); this counts
/// the sorted-set comparisons, which is the algorithmic cost, in a centre where every agent is busy and ten
/// contacts wait per agent, at three sizes a factor of 10 apart.
/// </summary>
public sealed class ScalingTests(ITestOutputHelper output)
{
    [Fact]
    public void Comparisons_per_decision_grow_logarithmically()
    {
        double small = ComparisonsPerCycle(agents: 40);
        double medium = ComparisonsPerCycle(agents: 400);
        double large = ComparisonsPerCycle(agents: 4000);
        output.WriteLine($"comparisons per cycle: 40 agents/400 waiting {small:F1}, 400/4,000 {medium:F1}, 4,000/40,000 {large:F1}");

        // Logarithmic growth adds about the same amount per factor of 10 (a + b·log n); linear growth would add ten
        // times more for the second factor than for the first, and n log n more than that.
        double firstDecade = medium - small, secondDecade = large - medium;
        Assert.True(firstDecade > 0 && secondDecade > 0, "cost should grow with the tree depth");
        Assert.True(secondDecade <= 1.3 * firstDecade, $"second factor of 10 added {secondDecade:F1}, the first {firstDecade:F1}");
    }

    private static double ComparisonsPerCycle(int agents)
    {
        var random = new Random(5);
        var queues = Enumerable.Range(0, 8).Select(i => new QueueDefinition("q" + i, [new SkillRequirement("s" + i, 5)])
        {
            Strategy = (RoutingStrategy)(i % 4),
            Expansion = [ExpansionStep.LowerMinimum(TimeSpan.FromSeconds(30), 3), ExpansionStep.Accept(TimeSpan.FromSeconds(90), new SkillRequirement("general", 1))],
        }).ToList();
        var engine = new RoutingEngine(queues, new RoutingEngineOptions { AgentHistoryLimit = 16 });
        var now = TestKit.T0;
        for (int a = 0; a < agents; a++)
        {
            var skills = new Dictionary<string, int> { ["general"] = random.Next(1, 11), ["s" + random.Next(8)] = random.Next(1, 11), ["s" + random.Next(8)] = random.Next(1, 11) };
            engine.AddAgent("a" + a, skills, now);
            engine.SetRegistered("a" + a, true, now);
            engine.LogIn("a" + a, now);
        }

        var connected = new Queue<string>();
        int next = 0;
        void Answer(RoutingResult result)
        {
            foreach (var offer in result.Decisions.OfType<Offer>())
            {
                engine.Answered(offer.Contact.Id, offer.AgentId, now);
                connected.Enqueue(offer.Contact.Id);
            }
        }

        void Arrive()
        {
            int n = next++;
            Answer(engine.Enqueue(new WaitingContact("c" + n, "q" + random.Next(8), random.Next(20) == 0 ? 1 : 0, now - TimeSpan.FromSeconds(random.Next(120))), now));
        }

        for (int i = 0; i < agents * 11; i++)
        {
            Arrive();
        }

        const int cycles = 2000;
        long before = engine.Comparisons;
        for (int i = 0; i < cycles; i++)
        {
            // The line turns over in 200 s at every size, so each contact passes both expansion steps while it
            // waits and every size does the same mix of work per cycle.
            now += TimeSpan.FromSeconds(200.0 / (agents * 10));
            Answer(engine.CallEnded(connected.Dequeue(), now));
            Arrive();
        }

        Assert.Equal(agents * 10, engine.LiveContacts - agents);
        return (engine.Comparisons - before) / (double)cycles;
    }
}
