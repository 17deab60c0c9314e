using static CallCenter.Routing.Tests.TestKit;

namespace CallCenter.Routing.Tests.Rules;

/// <summary>Skill expansion over time: the pool widens on time and callers keep their place.</summary>
public sealed class ExpansionTests
{
    private static QueueDefinition Billing() => Queue("billing", Need("billing", 7)) with
    {
        Expansion =
        [
            ExpansionStep.Accept(TimeSpan.FromSeconds(90), Need("general", 1)),
            ExpansionStep.LowerMinimum(TimeSpan.FromSeconds(30), 3),
        ],
    };

    [Fact]
    public void Lower_minimum_applies_exactly_when_due_even_if_the_driver_calls_later()
    {
        var engine = new RoutingEngine([Billing()]);
        engine.Ready("mid", 0, ("billing", 4));
        engine.Call("c1", "billing", 10).NoOffer();

        Assert.Empty(engine.AdvanceTo(At(39.999)).Decisions);
        var result = engine.AdvanceTo(At(50));

        var expanded = Assert.IsType<ContactExpanded>(result.Decisions[0]);
        Assert.Equal((At(40), "c1", 1), (expanded.At, expanded.ContactId, expanded.Step));
        var offer = result.SingleOffer();
        Assert.Equal(("mid", At(40)), (offer.AgentId, offer.At));
    }

    [Fact]
    public void General_skill_is_accepted_after_the_second_step()
    {
        var engine = new RoutingEngine([Billing()]);
        engine.Ready("generalist", 0, ("general", 2));
        engine.Call("c1", "billing", 0);

        Assert.Empty(engine.AdvanceTo(At(89)).Offers());
        Assert.Equal(1, engine.GetContact("c1")!.Step);
        Assert.Equal(At(90), engine.AdvanceTo(At(90)).SingleOffer().At);
    }

    [Fact]
    public void Caller_keeps_their_place_while_the_pool_widens()
    {
        var engine = new RoutingEngine([Billing()]);
        engine.Call("first", "billing", 0);
        engine.Call("second", "billing", 5);
        engine.AdvanceTo(At(60));

        // Both are now at step 1; the agent who only qualifies there takes the earlier arrival.
        Assert.Equal("first", engine.Ready("mid", 60, ("billing", 3)).SingleOffer().Contact.Id);
    }

    [Fact]
    public void Expert_still_serves_an_earlier_widened_caller_before_a_later_narrow_one()
    {
        var engine = new RoutingEngine([Billing()]);
        engine.Call("early", "billing", 0);
        engine.AdvanceTo(At(35));
        engine.Call("late", "billing", 36);

        // "early" sits in the widened pool, "late" in the narrow one; the expert serves both, oldest first.
        Assert.Equal("early", engine.Ready("expert", 40, ("billing", 9)).SingleOffer().Contact.Id);
    }

    [Fact]
    public void A_contact_arriving_after_a_step_time_starts_at_that_step()
    {
        var engine = new RoutingEngine([Billing()]);
        engine.Ready("mid", 100, ("billing", 3));

        var result = engine.Enqueue(new WaitingContact("cb", "billing", 0, At(0), ContactKind.Callback), At(100));

        Assert.Equal("mid", result.SingleOffer().AgentId);
        Assert.Equal(2, engine.GetContact("cb")!.Step);
    }

    [Fact]
    public void Pool_widens_before_an_agent_freed_at_the_same_instant_chooses()
    {
        var engine = new RoutingEngine([Billing(), Queue("other", Need("billing", 1)) with { WrapUp = TimeSpan.FromSeconds(28) }]);
        engine.Ready("mid", 0, ("billing", 4));
        engine.Call("busy", "other", 0);
        engine.Serve("busy", 2);
        engine.Call("narrow", "billing", 0);
        engine.Call("later", "other", 1);

        // "narrow" reaches step 1 (minimum 3) at 30 s, the moment mid's wrap-up of 28 s ends: mid takes the
        // earlier arrival, not the later caller it was already eligible for.
        Assert.Equal("narrow", engine.AdvanceTo(At(30)).SingleOffer().Contact.Id);
    }

    [Fact]
    public void Expansion_while_ringing_applies_when_the_offer_is_missed()
    {
        var engine = new RoutingEngine([Billing() with { RingTimeout = TimeSpan.FromSeconds(40) }]);
        engine.Ready("expert", 0, ("billing", 9));
        engine.Ready("mid", 0, ("billing", 3));
        engine.Call("c1", "billing", 0).SingleOffer();
        engine.AdvanceTo(At(35));
        Assert.Equal(1, engine.GetContact("c1")!.Step);

        var result = engine.NoAnswer("c1", engine.AgentOf("c1"), At(36));

        Assert.Equal("mid", result.SingleOffer().AgentId);
    }

    [Fact]
    public void Contacts_with_the_same_own_requirements_widen_together_and_other_requirements_stay_apart()
    {
        var engine = new RoutingEngine([Billing() with { WrapUp = TimeSpan.Zero }]);
        Own(engine, "tl1", 0, Need("billing", 7), Need("tl", 5));
        Own(engine, "ms", 0.5, Need("billing", 7), Need("ms", 5));
        Own(engine, "tl2", 1, Need("billing", 7), Need("tl", 5));
        engine.AdvanceTo(At(40));

        // Step 1 (minimum 3) has applied to all three; the agent speaks tl, not ms, so "ms" is never its caller.
        Assert.Equal("tl1", engine.Ready("agent", 40, ("billing", 4), ("tl", 5)).SingleOffer().Contact.Id);
        Assert.True(engine.Answered("tl1", "agent", At(41)).Applied);
        Assert.Equal("tl2", engine.CallEnded("tl1", At(42)).SingleOffer().Contact.Id);
    }

    private static void Own(RoutingEngine engine, string id, double seconds, params SkillRequirement[] requirements) =>
        Assert.True(engine.Enqueue(new WaitingContact(id, "billing", 0, At(seconds), Requirements: requirements), At(seconds)).Applied);
}
