using System.Diagnostics;
using Xunit.Abstractions;

namespace CallCenter.Routing.Tests.Simulation;

/// <summary>
/// The "done when": thousands of callers and hundreds of agents with mixed skills through the real engine
/// on a fake clock, with every invariant checked along the way (see <see cref="Properties.RoutingObserver"/>).
/// Figures are printed; bench/README.md ("Routing simulation") has them and the command.
/// </summary>
public sealed class SimulationTests(ITestOutputHelper output)
{
    [Fact]
    public void Four_thousand_callers_and_three_hundred_agents_keep_every_invariant()
    {
        var clock = Stopwatch.StartNew();
        var simulation = new CallCenterSimulation(seed: 20261124, agents: 300, callers: 4000, arrivalsPerSecond: 1.6);

        simulation.Run();

        var figures = simulation.Figures;
        output.WriteLine(figures.Report(clock.Elapsed));

        // Nobody waits forever and nothing is left reserved: the centre drains completely.
        Assert.Equal(0, simulation.Engine.LiveContacts);
        Assert.All(simulation.Engine.Agents, a => Assert.Null(a.ContactId));
        Assert.All(simulation.Engine.Agents, a => Assert.DoesNotContain(a.State, new[] { AgentState.Reserved, AgentState.OnCall }));

        // Every caller ends exactly once: answered (a transfer is answered twice), abandoned, or called back.
        Assert.Equal(figures.CallbacksRequested, figures.CallbacksServed);
        Assert.Equal(figures.Callers, figures.Served - figures.Transfers - figures.CallbacksServed + figures.Abandoned + figures.CallbacksRequested);

        // The run must exercise what it claims to check.
        Assert.True(figures.OffersChecked > figures.Callers / 2, "too few offers");
        Assert.True(figures.Expansions > 100, "too few expansions");
        Assert.True(figures.CallbacksServed > 0 && figures.Overflowed > 0, "no callback served or no overflow");
        Assert.True(figures.RingTimeouts > 0 && figures.Rejections > 0 && figures.MissedCallPauses > 0);
        Assert.True(figures.EstimateErrors.Count > 100, "too few estimates compared");
    }

    [Fact]
    public void The_same_seed_gives_the_same_run()
    {
        var first = new CallCenterSimulation(seed: 7, agents: 40, callers: 400, arrivalsPerSecond: 0.25);
        var second = new CallCenterSimulation(seed: 7, agents: 40, callers: 400, arrivalsPerSecond: 0.25);

        first.Run();
        second.Run();

        Assert.Equal(first.Figures.Waits, second.Figures.Waits);
        Assert.Equal(first.Figures.EstimateErrors, second.Figures.EstimateErrors);
        Assert.Equal(first.Figures.SimulatedTime, second.Figures.SimulatedTime);
    }
}
