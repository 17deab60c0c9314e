using static CallCenter.Routing.Tests.TestKit;

namespace CallCenter.Routing.Tests.Rules;

/// <summary>The per-queue strategies other than best-skill.</summary>
public sealed class StrategyTests
{
    [Fact]
    public void Longest_idle_ignores_proficiency()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1)) with { Strategy = RoutingStrategy.LongestIdle }]);
        engine.Ready("novice", 0, ("s", 1));
        engine.Ready("expert", 5, ("s", 10));

        Assert.Equal("novice", engine.Call("c1", "q", 10).SingleOffer().AgentId);
    }

    [Fact]
    public void Round_robin_goes_to_the_agent_offered_longest_ago()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1)) with { Strategy = RoutingStrategy.RoundRobin }]);
        engine.Ready("a", 0, ("s", 5));
        engine.Ready("b", 0, ("s", 5));
        engine.Ready("c", 0, ("s", 5));

        var order = new List<string>();
        for (int i = 0; i < 6; i++)
        {
            string id = "call" + i;
            order.Add(engine.Call(id, "q", 10 + i).SingleOffer().AgentId);
            engine.Serve(id, 10 + i);
        }

        // Never offered first (by id), then the one whose last offer is oldest; idle time plays no part.
        Assert.Equal(["a", "b", "c", "a", "b", "c"], order);
    }

    [Fact]
    public void Fewest_calls_goes_to_the_agent_with_fewest_answered_calls()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1)) with { Strategy = RoutingStrategy.FewestCalls }]);
        engine.Ready("busy", 0, ("s", 5));
        engine.Call("c1", "q", 1).SingleOffer();
        engine.Serve("c1", 2);
        engine.Ready("fresh", 3, ("s", 5));

        // "busy" has been idle longer but has answered one call.
        Assert.Equal("fresh", engine.Call("c2", "q", 4).SingleOffer().AgentId);
    }

    [Fact]
    public void Fewest_calls_ties_go_to_the_longest_idle()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1)) with { Strategy = RoutingStrategy.FewestCalls }]);
        engine.Ready("b", 0, ("s", 5));
        engine.Ready("a", 1, ("s", 5));

        Assert.Equal("b", engine.Call("c1", "q", 2).SingleOffer().AgentId);
    }

    [Fact]
    public void Queues_sharing_agents_each_use_their_own_strategy()
    {
        var engine = new RoutingEngine([
            Queue("skill", Need("s", 1)),
            Queue("idle", Need("s", 1)) with { Strategy = RoutingStrategy.LongestIdle },
        ]);
        engine.Ready("novice", 0, ("s", 1));
        engine.Ready("expert", 5, ("s", 10));

        Assert.Equal("novice", engine.Call("c1", "idle", 10).SingleOffer().AgentId);
        Assert.Equal("expert", engine.Call("c2", "skill", 10).SingleOffer().AgentId);
    }
}
