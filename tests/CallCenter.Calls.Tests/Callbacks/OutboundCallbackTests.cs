using CallCenter.Calls.Callbacks;
using CallCenter.Calls.Legs;
using CallCenter.Routing;
using CallCenter.Store;

namespace CallCenter.Calls.Tests.Callbacks;

public class OutboundCallbackTests
{
    [Fact]
    public void The_agent_is_rung_first_hears_the_whisper_then_the_customer_is_dialled_greeted_and_bridged()
    {
        using var bed = new CallbackTestbed();
        long id = bed.Book("09171234567").Id!.Value;
        string contact = bed.Router.Last.Contact.Id;

        var agent = bed.OfferAgent("1001");
        Assert.Equal("1001", agent.Target);
        Assert.Equal("Callback +639171234567", bed.Phones.CallerDescriptions.Single());
        Assert.Empty(bed.Trunk.Legs);

        agent.Answer();
        Assert.Equal($"answered {contact} 1001", bed.Router.Events[^1]);
        Assert.Equal(
            ["en/callback/whisper", "en/digits/6", "en/digits/3", "en/digits/9", "en/digits/1", "en/digits/7", "en/digits/1",
                "en/digits/2", "en/digits/3", "en/digits/4", "en/digits/5", "en/digits/6", "en/digits/7"],
            bed.Media.Agent.LastPlayed);

        // The customer is dialled only once the agent has heard the whole number: a quick answer cannot cut it short.
        Assert.Empty(bed.Trunk.Legs);
        bed.Media.Agent.FinishPlayback();
        Assert.Equal("ringback", bed.Media.Agent.Actions[^1]);
        var customer = bed.Trunk.Last;
        Assert.Equal("+639171234567", customer.Target);

        customer.Answer();
        Assert.Equal(["en/callback/greeting"], bed.Media.Customer.LastPlayed);
        Assert.Null(bed.Media.Customer.BridgedTo);
        bed.Media.Customer.FinishPlayback();
        Assert.Same(bed.Media.Agent, bed.Media.Customer.BridgedTo);

        bed.Clock.Advance(TimeSpan.FromMinutes(3));
        customer.Raise(new AgentLegEvent.HungUp());

        Assert.Equal("bye", agent.Actions[^1]);
        Assert.Equal($"ended {contact}", bed.Router.Events[^1]);
        var stored = bed.Store.Get(id)!;
        Assert.Equal((CallbackStatus.Done, 1), (stored.Status, stored.Attempts));
        Assert.Equal([CallbackAttemptResult.Answered], bed.Store.ListAttempts(id).Select(a => a.Result));
        Assert.True(bed.Media.Agent.Disposed && bed.Media.Customer.Disposed);
    }

    [Fact]
    public void The_agent_hanging_up_after_talking_completes_the_callback()
    {
        using var bed = new CallbackTestbed();
        long id = bed.Book().Id!.Value;
        var agent = bed.OfferAgent();
        var customer = bed.AgentAnswers(agent);
        bed.CustomerAnswersAndIsGreeted(customer);

        agent.Raise(new AgentLegEvent.HungUp());

        Assert.Equal("bye", customer.Actions[^1]);
        Assert.Equal(CallbackStatus.Done, bed.Store.Get(id)!.Status);
    }

    [Theory]
    [InlineData(480, CallbackAttemptResult.NoAnswer)]
    [InlineData(486, CallbackAttemptResult.Busy)]
    [InlineData(503, CallbackAttemptResult.Failed)]
    public void A_customer_not_reached_releases_the_agent_and_is_retried_after_retry_after(int status, CallbackAttemptResult result)
    {
        using var bed = new CallbackTestbed();
        long id = bed.Book().Id!.Value;
        var first = bed.Router.Last.Contact;
        var agent = bed.OfferAgent();
        var customer = bed.AgentAnswers(agent);

        customer.Raise(new AgentLegEvent.Failed(status));

        // The agent hears that the customer could not be reached, then is released.
        Assert.Equal(["en/callback/not-reached"], bed.Media.Agent.LastPlayed);
        Assert.Empty(agent.Actions);
        bed.Media.Agent.FinishPlayback();
        Assert.Equal("bye", agent.Actions[^1]);
        Assert.Equal($"ended {first.Id}", bed.Router.Events[^1]);

        var stored = bed.Store.Get(id)!;
        Assert.Equal((CallbackStatus.Pending, 1, bed.Clock.GetUtcNow().AddMinutes(5)), (stored.Status, stored.Attempts, stored.DueAt));
        Assert.Equal([result], bed.Store.ListAttempts(id).Select(a => a.Result));

        bed.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Single(bed.Router.Enqueued);
        bed.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = bed.Router.Last.Contact;
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal((ContactKind.Callback, first.ArrivedAt, first.Priority), (second.Kind, second.ArrivedAt, second.Priority));
    }

    [Fact]
    public void Three_tries_without_reaching_the_customer_give_the_callback_up_with_the_reason()
    {
        using var bed = new CallbackTestbed();
        long id = bed.Book().Id!.Value;

        for (int attempt = 1; attempt <= 3; attempt++)
        {
            var agent = bed.OfferAgent("100" + attempt);
            var customer = bed.AgentAnswers(agent);
            bed.Clock.Advance(bed.Options.CustomerRingTimeout);
            Assert.Equal("cancel", customer.Actions[0]);
            bed.Media.Agent.FinishPlayback();
            bed.Clock.Advance(bed.Options.RetryAfter);
        }

        var stored = bed.Store.Get(id)!;
        Assert.Equal((CallbackStatus.GivenUp, 3), (stored.Status, stored.Attempts));
        Assert.Equal("not reached after 3 attempts (last: no answer)", stored.ClosedReason);
        Assert.Equal(3, bed.Router.Enqueued.Count);
        Assert.Empty(bed.Desk.ListPending());
    }

    [Fact]
    public void A_customer_who_answers_and_hangs_up_at_once_is_a_short_answer_and_is_retried()
    {
        using var bed = new CallbackTestbed();
        long id = bed.Book().Id!.Value;
        var customer = bed.AgentAnswers(bed.OfferAgent());
        customer.Answer();

        bed.Clock.Advance(TimeSpan.FromSeconds(3));
        customer.Raise(new AgentLegEvent.HungUp());
        bed.Media.Agent.FinishPlayback();

        Assert.Equal([CallbackAttemptResult.ShortAnswer], bed.Store.ListAttempts(id).Select(a => a.Result));
        Assert.Equal(CallbackStatus.Pending, bed.Store.Get(id)!.Status);
    }

    [Fact]
    public void An_agent_who_does_not_answer_in_time_is_reported_and_the_callback_keeps_waiting()
    {
        using var bed = new CallbackTestbed();
        bed.Book();
        string contact = bed.Router.Last.Contact.Id;
        var agent = bed.OfferAgent("1001");

        bed.Clock.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal(["cancel", "bye"], agent.Actions);
        Assert.Equal($"no-answer {contact} 1001", bed.Router.Events[^1]);
        Assert.True(bed.Media.Agent.Disposed);
        Assert.Empty(bed.Trunk.Legs);

        // Routing offers the next agent to the same try.
        var next = bed.OfferAgent("1002");
        Assert.Equal("1002", next.Target);
    }

    [Theory]
    [InlineData(486, "rejected")]
    [InlineData(603, "rejected")]
    [InlineData(408, "no-answer")]
    public void An_agent_phone_that_refuses_is_reported_as_rejected_or_not_answered(int status, string reported)
    {
        using var bed = new CallbackTestbed();
        bed.Book();
        string contact = bed.Router.Last.Contact.Id;
        var agent = bed.OfferAgent("1001");

        agent.Raise(new AgentLegEvent.Failed(status));

        Assert.Equal($"{reported} {contact} 1001", bed.Router.Events[^1]);
        Assert.Empty(bed.Trunk.Legs);
    }

    [Fact]
    public void A_withdrawn_offer_stops_the_agents_phone_without_reporting_back()
    {
        using var bed = new CallbackTestbed();
        bed.Book();
        var agent = bed.OfferAgent("1001");
        int events = bed.Router.Events.Count;

        bed.LastTry.Withdraw("1001", WithdrawReason.RingTimeout);

        Assert.Equal(["cancel", "bye"], agent.Actions);
        Assert.Equal(events, bed.Router.Events.Count);
    }

    [Fact]
    public void An_agent_who_hangs_up_before_the_customer_answers_is_not_an_attempt_and_the_callback_comes_back_later()
    {
        using var bed = new CallbackTestbed();
        long id = bed.Book().Id!.Value;
        var agent = bed.OfferAgent();
        var customer = bed.AgentAnswers(agent);

        agent.Raise(new AgentLegEvent.HungUp());

        Assert.Equal("cancel", customer.Actions[0]);
        Assert.Equal((CallbackStatus.Pending, 0), (bed.Store.Get(id)!.Status, bed.Store.Get(id)!.Attempts));
        bed.Clock.Advance(bed.Options.RetryAfter);
        Assert.Equal(2, bed.Router.Enqueued.Count);
    }

    [Fact]
    public void An_agent_who_hangs_up_during_the_whisper_never_rings_the_customer()
    {
        using var bed = new CallbackTestbed();
        long id = bed.Book().Id!.Value;
        string contact = bed.Router.Last.Contact.Id;
        var agent = bed.OfferAgent();
        agent.Answer();

        agent.Raise(new AgentLegEvent.HungUp());
        bed.Media.Agent.FinishPlayback();

        Assert.Empty(bed.Trunk.Legs);
        Assert.Equal($"ended {contact}", bed.Router.Events[^1]);
        Assert.Equal((CallbackStatus.Pending, 0), (bed.Store.Get(id)!.Status, bed.Store.Get(id)!.Attempts));
    }

    [Fact]
    public void A_callback_that_routing_lets_go_comes_back_after_retry_after_without_an_attempt()
    {
        using var bed = new CallbackTestbed();
        long id = bed.Book().Id!.Value;

        bed.LastTry.Left(FallbackAction.Callback, LeaveReason.MaxWait);
        bed.Clock.Advance(bed.Options.RetryAfter);

        Assert.Equal(2, bed.Router.Enqueued.Count);
        Assert.Equal(0, bed.Store.Get(id)!.Attempts);
    }

    [Fact]
    public void An_answer_that_arrives_after_the_customer_timed_out_is_hung_up()
    {
        using var bed = new CallbackTestbed();
        bed.Book();
        var customer = bed.AgentAnswers(bed.OfferAgent());
        bed.Clock.Advance(bed.Options.CustomerRingTimeout);

        customer.Answer();

        Assert.Equal(["cancel", "bye", "bye"], customer.Actions);
    }
}
