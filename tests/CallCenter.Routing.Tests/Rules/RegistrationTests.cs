using static CallCenter.Routing.Tests.TestKit;

namespace CallCenter.Routing.Tests.Rules;

/// <summary>An agent whose softphone is not registered is never offered a call, whatever its state says.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void Available_but_unregistered_agent_is_never_offered()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1))]);
        engine.AddAgent("a1", Skills(("s", 9)), At(0));
        engine.LogIn("a1", At(0));

        Assert.Equal(AgentState.Available, engine.GetAgent("a1")!.State);
        engine.Call("c1", "q", 1).NoOffer();
    }

    [Fact]
    public void Registration_expiring_takes_an_available_agent_out_of_routing()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1))]);
        engine.Ready("a1", 0, ("s", 9));
        engine.Ready("a2", 0, ("s", 2));

        engine.SetRegistered("a1", false, At(5));

        Assert.Equal("a2", engine.Call("c1", "q", 6).SingleOffer().AgentId);
        engine.Call("c2", "q", 7).NoOffer();
    }

    [Fact]
    public void Registering_again_offers_the_waiting_caller()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1))]);
        engine.Ready("a1", 0, ("s", 9));
        engine.SetRegistered("a1", false, At(1));
        engine.Call("c1", "q", 2);

        Assert.Equal("a1", engine.SetRegistered("a1", true, At(3)).SingleOffer().AgentId);
    }

    [Fact]
    public void Unregistered_agent_coming_out_of_wrap_up_is_not_offered()
    {
        var engine = new RoutingEngine([Queue("q", Need("s", 1)) with { WrapUp = TimeSpan.FromSeconds(10) }]);
        engine.Ready("a1", 0, ("s", 9));
        engine.Call("c1", "q", 1);
        engine.Serve("c1", 2);
        engine.SetRegistered("a1", false, At(3));
        engine.Call("c2", "q", 4);

        engine.AdvanceTo(At(20)).NoOffer();
        Assert.Equal(AgentState.Available, engine.GetAgent("a1")!.State);
    }

    [Fact]
    public void Unknown_agents_and_duplicate_agents_are_reported()
    {
        var engine = new RoutingEngine([Queue("q")]);
        engine.AddAgent("a1", Skills(), At(0));

        Assert.False(engine.AddAgent("a1", Skills(), At(0)).Applied);
        Assert.False(engine.LogIn("ghost", At(0)).Applied);
        Assert.False(engine.SetRegistered("ghost", true, At(0)).Applied);
        Assert.Contains("1–10", engine.AddAgent("a2", Skills(("s", 11)), At(0)).Error);
    }
}
