using CallCenter.Calls.Routing;
using CallCenter.Routing;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Calls.Tests.Routing;

/// <summary>
/// The live router over the real engine: the file's queues and agents, registrations, offers carried to the contacts'
/// owners, ring-no-answer, reject delay, abandon, wrap-up, and what supervisors and observers see.
/// </summary>
public sealed class RoutingCoordinatorTests : IDisposable
{
    private static readonly IReadOnlyDictionary<string, int> Sales = new Dictionary<string, int> { ["sales"] = 5 };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly RoutingTestKit _kit;

    public RoutingCoordinatorTests()
    {
        _kit = new RoutingTestKit(
            _time,
            [
                RoutingTestKit.Agent("1001", ("sales", 6), ("lang-en", 9)),
                RoutingTestKit.Agent("1002", ("sales", 9), ("lang-tl", 9)),
                RoutingTestKit.Agent("1003", ("support", 9), ("lang-en", 9)),
            ],
            [RoutingTestKit.Queue("sales", Sales, q => q with { WrapUp = TimeSpan.FromSeconds(20), RejectDelay = TimeSpan.FromSeconds(8) })]);
        foreach (var agent in new[] { "1001", "1002", "1003" })
        {
            _kit.Register(agent);
        }
    }

    private RoutingCoordinator Router => _kit.Router;

    [Fact]
    public void The_best_skilled_registered_agent_of_the_queue_is_offered_at_its_registered_contact()
    {
        var caller = Enqueue("c1", ["sales"]);

        Assert.Equal(["offer 1002"], caller.Heard);
        Assert.Equal("sip:1002@127.0.0.1:5002", caller.LastOffer!.Contact.ToString());
        Assert.Equal("Agent 1002", caller.LastOffer.DisplayName);
        Assert.Equal(["offer 1001"], Enqueue("c2", ["sales"]).Heard);
        Assert.Empty(Enqueue("c3", ["sales"]).Heard);
    }

    [Fact]
    public void A_language_the_queue_does_not_name_becomes_a_requirement_of_the_call()
    {
        var placement = Router.Place(["sales", "lang-en"], 5);

        Assert.Equal("sales", placement.QueueId);
        Assert.Equal([new SkillRequirement("sales", 5), new SkillRequirement("lang-en", 1)], placement.Requirements);

        // 1002 has the better sales skill but no English.
        Assert.Equal(["offer 1001"], Enqueue("c1", ["sales", "lang-en"]).Heard);
    }

    [Fact]
    public void Skills_no_queue_has_go_to_the_default_queue_requiring_each_of_them_and_the_priority_is_never_below_the_queues()
    {
        var placement = Router.Place(["support", "lang-en"], 3);
        Assert.Equal(("default", 3), (placement.QueueId, placement.Priority));
        Assert.Equal([new SkillRequirement("support", 1), new SkillRequirement("lang-en", 1)], placement.Requirements);
        Assert.Equal(QueueCatalogPriority, Router.Place(["sales"], 2).Priority);
        Assert.Equal(9, Router.Place(["sales"], 9).Priority);

        Assert.Equal(["offer 1003"], Enqueue("c1", ["support", "lang-en"]).Heard);
    }

    [Fact]
    public void An_unregistered_agent_is_never_offered_a_call_and_one_who_registers_again_is()
    {
        _kit.Unregister("1002");

        Assert.Equal(["offer 1001"], Enqueue("c1", ["sales"]).Heard);
        var second = Enqueue("c2", ["sales"]);
        Assert.Empty(second.Heard);
        Assert.False(_kit.AgentStatus("1002").Registered);

        _kit.Register("1002");
        Assert.Equal(["offer 1002"], second.Heard);
    }

    [Fact]
    public void An_agent_whose_registration_expires_stops_getting_offers()
    {
        _kit.Register("1002", expires: 60);

        _time.Advance(TimeSpan.FromSeconds(61));

        Assert.False(_kit.AgentStatus("1002").Registered);
        Assert.Equal(["offer 1001"], Enqueue("c1", ["sales"]).Heard);
        Assert.Empty(Enqueue("c2", ["sales"]).Heard);
    }

    [Fact]
    public void Ring_no_answer_moves_the_caller_to_the_next_agent_and_two_misses_pause_the_agent_for_missed_calls()
    {
        var first = Enqueue("c1", ["sales"]);
        _time.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal(["offer 1002", "withdraw 1002 RingTimeout", "offer 1001"], first.Heard);
        Router.Answered("c1", "1001");

        var second = Enqueue("c2", ["sales"]);
        Assert.Equal(["offer 1002"], second.Heard);
        Router.NoAnswer("c2", "1002");

        var agent = _kit.AgentStatus("1002");
        Assert.Equal((AgentState.Paused, RoutingEngine.MissedCallsReason), (agent.State, agent.PauseReason));
        Assert.Equal(["offer 1002"], second.Heard);
        Assert.Equal(2, _kit.QueueStatus("sales").Totals.RingNoAnswer);
        Assert.Equal(["rona sales 1002", "rona sales 1002"], _kit.Observer.Events.Where(e => e.StartsWith("rona", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_rejecting_agent_is_skipped_for_the_reject_delay_then_offered_again()
    {
        _kit.Unregister("1001");
        var caller = Enqueue("c1", ["sales"]);

        Router.Rejected("c1", "1002");
        var agent = _kit.AgentStatus("1002");
        Assert.Equal((AgentState.Paused, RoutingEngine.RejectDelayReason), (agent.State, agent.PauseReason));
        _time.Advance(TimeSpan.FromSeconds(8) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(["offer 1002"], caller.Heard);

        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(["offer 1002", "offer 1002"], caller.Heard);
    }

    [Fact]
    public void A_call_handed_over_to_a_callback_releases_its_agent_but_counts_no_abandon()
    {
        _kit.Unregister("1001");
        Enqueue("c1", ["sales"]);
        var next = Enqueue("c2", ["sales"]);

        Router.HandedOver("c1");

        Assert.Equal(["offer 1002"], next.Heard);
        Assert.DoesNotContain(_kit.Observer.Events, e => e.StartsWith("abandoned", StringComparison.Ordinal));
        var totals = _kit.QueueStatus("sales").Totals;
        Assert.Equal((0, 0), (totals.AbandonedBeforeThreshold, totals.AbandonedAfterThreshold));
    }

    [Fact]
    public void A_caller_who_hangs_up_while_the_agent_rings_releases_the_agent_at_once()
    {
        _kit.Unregister("1001");
        Enqueue("c1", ["sales"]);
        var next = Enqueue("c2", ["sales"]);

        Router.Abandoned("c1");

        Assert.Equal(["offer 1002"], next.Heard);
        Assert.Equal(AgentState.Reserved, _kit.AgentStatus("1002").State);
        Assert.Equal("c2", _kit.AgentStatus("1002").ContactId);
        Assert.Contains("abandoned sales 0s before", _kit.Observer.Events);
        Assert.Equal(1, _kit.QueueStatus("sales").Totals.AbandonedBeforeThreshold);
    }

    [Fact]
    public void After_a_call_the_agent_wraps_up_for_the_queues_time_before_the_next_offer()
    {
        _kit.Unregister("1001");
        Enqueue("c1", ["sales"]);
        Router.Answered("c1", "1002");
        var waiting = Enqueue("c2", ["sales"]);
        _time.Advance(TimeSpan.FromSeconds(100));

        Router.Ended("c1");

        Assert.Equal(AgentState.WrapUp, _kit.AgentStatus("1002").State);
        _time.Advance(TimeSpan.FromSeconds(20) - TimeSpan.FromMilliseconds(1));
        Assert.Empty(waiting.Heard);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(["offer 1002"], waiting.Heard);
        Assert.Contains("handled sales 100s", _kit.Observer.Events);
        Assert.Equal(1, _kit.AgentStatus("1002").CallsHandled);
    }

    [Fact]
    public void The_wait_estimate_uses_recent_handle_times_and_is_checked_at_the_first_offer()
    {
        _kit.Unregister("1001");
        Enqueue("c1", ["sales"]);
        Router.Answered("c1", "1002");
        _time.Advance(TimeSpan.FromSeconds(100));
        Router.Ended("c1");
        Enqueue("c2", ["sales"]);

        WaitEstimate? estimate = null;
        Router.Estimate("c2", e => estimate = e);

        // One handle time of 100 s talk + 20 s wrap-up, one staffed agent, first in line.
        Assert.Equal(new WaitEstimate(1, TimeSpan.FromSeconds(120), 1), estimate);
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Contains("estimate sales 120s/20s", _kit.Observer.Events);
    }

    [Fact]
    public async Task Supervisors_see_queues_and_agents_and_can_pause_an_agent_which_observers_hear_of()
    {
        Enqueue("c1", ["sales"]);
        Router.Answered("c1", "1002");
        _kit.Unregister("1001");
        Enqueue("c2", ["sales"]);
        _time.Advance(TimeSpan.FromSeconds(5));

        var queue = _kit.QueueStatus("sales");
        Assert.Equal((1, TimeSpan.FromSeconds(5), 1L, 1L), (queue.Waiting, queue.LongestWait, queue.Totals.Answered, queue.Totals.AnsweredWithinThreshold));
        Assert.Equal(1, queue.AgentsByState[AgentState.OnCall]);
        Assert.Equal(1, queue.AgentsByState[AgentState.LoggedOut]);
        Assert.Equal(["sales", "default"], (await Router.GetQueuesAsync()).Select(q => q.Name));

        var paused = await Router.ChangeAgentStateAsync("1003", AgentStateCommand.Pause, "lunch");
        Assert.True(paused.Applied);
        Assert.Equal((AgentState.Paused, "lunch"), (paused.Agent!.State, paused.Agent.PauseReason));
        Assert.Equal("lunch", _kit.Observer.AgentChanges[^1].PauseReason);
        Assert.False((await Router.ChangeAgentStateAsync("1002", AgentStateCommand.LogOut, null)).Applied);
        Assert.Null((await Router.ChangeAgentStateAsync("9999", AgentStateCommand.LogIn, null)).Agent);
    }

    [Fact]
    public async Task Flows_hear_that_agents_are_available_for_a_skill_only_while_one_is_logged_in_and_registered()
    {
        Assert.True(Router.AgentsAvailable("support"));

        _kit.Unregister("1003");
        Assert.False(Router.AgentsAvailable("support"));

        _kit.Register("1003");
        await Router.ChangeAgentStateAsync("1003", AgentStateCommand.LogOut, null);
        Assert.False(Router.AgentsAvailable("support"));
        Assert.True(Router.AgentsAvailable("sales"));
    }

    [Fact]
    public void Agents_start_logged_out_when_configured_so()
    {
        using var kit = new RoutingTestKit(_time, [RoutingTestKit.Agent("1001", ("sales", 6))], options: new RoutingOptions { AgentsStartLoggedIn = false });
        kit.Register("1001");

        Assert.Equal(AgentState.LoggedOut, kit.AgentStatus("1001").State);
        Assert.False(kit.Router.AgentsAvailable("sales"));
    }

    public void Dispose() => _kit.Dispose();

    private const int QueueCatalogPriority = CallCenter.Config.QueueConfig.DefaultPriority;

    private FakeRoutedContact Enqueue(string id, IReadOnlyList<string> skills)
    {
        var owner = new FakeRoutedContact();
        var placement = Router.Place(skills, 5);
        Router.Enqueue(new WaitingContact(id, placement.QueueId, placement.Priority, _time.GetUtcNow(), ContactKind.Call, placement.Requirements), owner);
        return owner;
    }
}
