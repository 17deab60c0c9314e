using static CallCenter.Routing.Tests.TestKit;

namespace CallCenter.Routing.Tests.Rules;

/// <summary>Position and estimated wait, agent history, and queue validation.</summary>
public sealed class EstimateAndHistoryTests
{
    [Fact]
    public void Estimate_is_unknown_without_handle_times()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1))]);
        engine.Ready("a1", 0, ("s", 5));
        engine.Call("busy", "q", 0);
        engine.Call("c1", "q", 1);

        Assert.Equal(new WaitEstimate(1, null, 1), engine.GetWaitEstimate("c1"));
        Assert.Null(engine.GetWaitEstimate("busy"));
    }

    [Fact]
    public void Estimate_is_position_times_average_handle_time_over_staffed_agents()
    {
        var engine = TwoBusyAgentsAfterTwoHandledCalls();
        engine.Call("w1", "q", 201);
        engine.Call("w2", "q", 202);
        engine.Call("w3", "q", 203);

        Assert.Equal(new WaitEstimate(3, TimeSpan.FromSeconds(135), 2), engine.GetWaitEstimate("w3"));
        Assert.Equal(TimeSpan.FromSeconds(45), engine.GetWaitEstimate("w1")!.Value.EstimatedWait);
    }

    [Fact]
    public void Callers_ahead_count_by_the_share_of_recent_callers_an_agent_served()
    {
        var engine = TwoBusyAgentsAfterTwoHandledCalls();

        // Two served, two hung up while waiting: half of the callers ahead are expected to be served.
        engine.Call("gone1", "q", 201);
        engine.Call("gone2", "q", 201);
        engine.CallerAbandoned("gone1", At(202));
        engine.CallerAbandoned("gone2", At(202));
        engine.Call("w1", "q", 203);
        engine.Call("w2", "q", 204);
        engine.Call("w3", "q", 205);

        // (1 + 2 ahead × 0.5) × 90 s ÷ 2 staffed = 90 s, where ignoring the hang-ups gives 135 s.
        Assert.Equal(new WaitEstimate(3, TimeSpan.FromSeconds(90), 2), engine.GetWaitEstimate("w3"));
        Assert.Equal(TimeSpan.FromSeconds(45), engine.GetWaitEstimate("w1")!.Value.EstimatedWait);
    }

    [Fact]
    public void Every_change_is_timestamped_and_kept()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1)) with { WrapUp = TimeSpan.FromSeconds(5) }]);
        engine.Ready("a1", 0, ("s", 5));
        engine.Call("c1", "q", 1);
        engine.Answered("c1", engine.AgentOf("c1"), At(2));
        engine.CallEnded("c1", At(3));
        engine.AdvanceTo(At(10));
        engine.Pause("a1", "lunch", At(11));

        var history = engine.GetAgent("a1")!.History;

        Assert.Equal(
            [
                new AgentStateChange(At(0), AgentState.LoggedOut, null, false),
                new AgentStateChange(At(0), AgentState.LoggedOut, "registered", true),
                new AgentStateChange(At(0), AgentState.Available, null, true),
                new AgentStateChange(At(1), AgentState.Reserved, null, true),
                new AgentStateChange(At(2), AgentState.OnCall, null, true),
                new AgentStateChange(At(3), AgentState.WrapUp, null, true),
                new AgentStateChange(At(8), AgentState.Available, null, true),
                new AgentStateChange(At(11), AgentState.Paused, "lunch", true),
            ],
            history);
    }

    [Fact]
    public void History_limit_trims_the_oldest_entries()
    {
        var engine = new RoutingEngine([Queue("q")], new RoutingEngineOptions { AgentHistoryLimit = 3 });
        engine.Ready("a1", 0);
        for (int i = 1; i <= 10; i++)
        {
            engine.Pause("a1", "p" + i, At(i));
        }

        var history = engine.GetAgent("a1")!.History;
        Assert.InRange(history.Count, 3, 5);
        Assert.Equal("p10", history[^1].Reason);
    }

    [Fact]
    public void Inconsistent_queues_are_refused_with_every_problem()
    {
        var queues = new[]
        {
            Queue("q", Need("s", 0)) with { RingTimeout = TimeSpan.Zero, WhenMaxWait = QueueFallback.OverflowTo("missing") },
            Queue("q"),
        };

        var errors = QueueValidator.Validate(queues);

        Assert.Equal(4, errors.Count);
        var thrown = Assert.Throws<ArgumentException>(() => new RoutingEngine(queues));
        Assert.Contains("missing", thrown.Message);
    }

    /// <summary>
    /// Two staffed agents, both busy from 200 s, after two handled calls whose handle times (talk + wrap-up)
    /// are 60 + 10 and 100 + 10 → average 90 s.
    /// </summary>
    private static RoutingEngine TwoBusyAgentsAfterTwoHandledCalls()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1)) with { WrapUp = TimeSpan.FromSeconds(10) }]);
        engine.Ready("a1", 0, ("s", 5));
        engine.Ready("a2", 0, ("s", 5));
        engine.Call("h1", "q", 0);
        engine.Call("h2", "q", 0);
        engine.Answered("h1", engine.AgentOf("h1"), At(0));
        engine.Answered("h2", engine.AgentOf("h2"), At(0));
        engine.CallEnded("h1", At(60));
        engine.CallEnded("h2", At(100));
        engine.Call("busy1", "q", 200);
        engine.Call("busy2", "q", 200);
        return engine;
    }
}
