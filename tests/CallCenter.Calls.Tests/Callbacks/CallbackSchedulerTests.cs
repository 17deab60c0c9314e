using CallCenter.Calls.Callbacks;
using CallCenter.Calls.Legs;
using CallCenter.Config;
using CallCenter.Routing;
using CallCenter.Store;

namespace CallCenter.Calls.Tests.Callbacks;

public class CallbackSchedulerTests
{
    [Fact]
    public void After_a_restart_the_pending_callbacks_go_back_in_line_in_original_arrival_order()
    {
        using var bed = new CallbackTestbed();
        var t0 = CallbackTestbed.Start;
        long late = Create(bed, t0.AddMinutes(2), priority: 9);
        long early = Create(bed, t0, priority: 3);
        long middle = Create(bed, t0.AddMinutes(1), priority: 5);
        long done = Create(bed, t0.AddSeconds(30), priority: 5);
        bed.Store.MarkDone(done, t0, "reached");
        bed.Clock.Advance(TimeSpan.FromMinutes(5));

        bed.Restart();
        int loaded = bed.Scheduler.Start();

        Assert.Equal(3, loaded);
        Assert.Equal(
            [(early, t0, 3), (middle, t0.AddMinutes(1), 5), (late, t0.AddMinutes(2), 9)],
            bed.Router.Enqueued.Select(e => (((OutboundCallback)e.Owner).CallbackId, e.Contact.ArrivedAt, e.Contact.Priority)));
        Assert.All(bed.Router.Enqueued, e => Assert.Equal(ContactKind.Callback, e.Contact.Kind));
    }

    [Fact]
    public void A_callback_due_later_waits_for_its_time_after_a_restart()
    {
        using var bed = new CallbackTestbed();
        long id = bed.Book().Id!.Value;
        var customer = bed.AgentAnswers(bed.OfferAgent());
        customer.Raise(new AgentLegEvent.Failed(486));
        bed.Media.Agent.FinishPlayback();
        int before = bed.Router.Enqueued.Count;

        bed.Restart();
        bed.Scheduler.Start();
        Assert.Equal(before, bed.Router.Enqueued.Count);

        bed.Clock.Advance(bed.Options.RetryAfter);
        Assert.Equal(id, ((OutboundCallback)bed.Router.Last.Owner).CallbackId);
        Assert.Equal(before + 1, bed.Router.Enqueued.Count);
    }

    [Fact]
    public void A_callback_booked_before_a_restart_is_made_after_it()
    {
        using var bed = new CallbackTestbed();
        long id = bed.Book().Id!.Value;

        bed.Restart();
        bed.Scheduler.Start();
        var customer = bed.AgentAnswers(bed.OfferAgent());
        bed.CustomerAnswersAndIsGreeted(customer);
        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        customer.Raise(new AgentLegEvent.HungUp());

        Assert.Equal(CallbackStatus.Done, bed.Store.Get(id)!.Status);
    }

    [Fact]
    public void A_callback_from_the_default_queue_keeps_its_requirements_across_a_restart()
    {
        using var bed = new CallbackTestbed();
        IReadOnlyList<SkillRequirement> needed = [new("support", 1), new("lang-ms", 1)];
        var contact = new WaitingContact("call-9", "default", 4, CallbackTestbed.Start, ContactKind.Call, needed);
        long id = bed.Book(contact: contact).Id!.Value;

        bed.Restart();
        bed.Scheduler.Start();

        var reloaded = bed.Router.Last;
        Assert.Equal(id, ((OutboundCallback)reloaded.Owner).CallbackId);
        Assert.Equal(("default", 4, CallbackTestbed.Start), (reloaded.Contact.QueueId, reloaded.Contact.Priority, reloaded.Contact.ArrivedAt));
        Assert.Equal(needed, reloaded.Contact.Requirements!);
    }

    [Fact]
    public void A_callback_stored_without_requirements_waits_with_its_queues_own_after_a_restart()
    {
        using var bed = new CallbackTestbed();
        Create(bed, CallbackTestbed.Start, priority: 5);

        bed.Restart();
        bed.Scheduler.Start();

        Assert.Null(bed.Router.Last.Contact.Requirements);
    }

    [Fact]
    public void Pending_counts_per_queue_include_callbacks_timed_for_a_later_try()
    {
        using var bed = new CallbackTestbed();
        long waiting = bed.Book(contact: CallbackTestbed.CallContact("call-1")).Id!.Value;
        long rescheduled = bed.Book(contact: CallbackTestbed.CallContact("call-2")).Id!.Value;
        bed.Desk.Reschedule(rescheduled, bed.Clock.GetUtcNow().AddHours(1));
        long retrying = bed.Book(contact: new WaitingContact("call-3", "sales", 5, CallbackTestbed.Start)).Id!.Value;
        bed.AgentAnswers(bed.OfferAgent()).Raise(new AgentLegEvent.Failed(486));
        bed.Media.Agent.FinishPlayback();
        long cancelled = bed.Book(contact: CallbackTestbed.CallContact("call-4")).Id!.Value;
        bed.Desk.Cancel(cancelled, "test");

        Assert.Equal((CallbackPhase.Waiting, (DateTimeOffset?)null), (bed.Scheduler.Progress(waiting)!.Phase, bed.Scheduler.Progress(waiting)!.NextTry));
        Assert.Null(bed.Scheduler.Progress(rescheduled)!.Phase);
        Assert.Null(bed.Scheduler.Progress(retrying)!.Phase);
        Assert.Equal(
            new Dictionary<string, int> { ["billing"] = 2, ["sales"] = 1 },
            bed.Scheduler.PendingByQueue());
    }

    [Fact]
    public void Callbacks_that_are_done_or_given_up_are_no_longer_pending()
    {
        using var bed = new CallbackTestbed(new CallbackOptions { Attempts = 1 });
        long givenUp = bed.Book(contact: CallbackTestbed.CallContact("call-1")).Id!.Value;
        bed.AgentAnswers(bed.OfferAgent()).Raise(new AgentLegEvent.Failed(486));
        bed.Media.Agent.FinishPlayback();
        long reached = bed.Book(contact: CallbackTestbed.CallContact("call-2")).Id!.Value;
        var customer = bed.AgentAnswers(bed.OfferAgent());
        bed.CustomerAnswersAndIsGreeted(customer);
        bed.Clock.Advance(TimeSpan.FromMinutes(1));
        customer.Raise(new AgentLegEvent.HungUp());

        Assert.Equal((CallbackStatus.GivenUp, CallbackStatus.Done), (bed.Store.Get(givenUp)!.Status, bed.Store.Get(reached)!.Status));
        Assert.Empty(bed.Scheduler.PendingByQueue());
    }

    [Fact]
    public void The_retry_count_and_interval_come_from_the_options()
    {
        using var bed = new CallbackTestbed(new CallbackOptions { Attempts = 2, RetryAfter = TimeSpan.FromMinutes(1) });
        long id = bed.Book().Id!.Value;

        for (int attempt = 0; attempt < 2; attempt++)
        {
            bed.AgentAnswers(bed.OfferAgent()).Raise(new AgentLegEvent.Failed(486));
            bed.Media.Agent.FinishPlayback();
            bed.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal((CallbackStatus.GivenUp, "not reached after 2 attempts (last: busy)"), (bed.Store.Get(id)!.Status, bed.Store.Get(id)!.ClosedReason));
        Assert.Equal(2, bed.Router.Enqueued.Count);
    }

    [Fact]
    public void Options_are_taken_from_the_callbacks_section()
    {
        var options = CallbackOptions.From(new CallbackSettings("carrier", 4, TimeSpan.FromMinutes(10), "Support"));

        Assert.Equal((4, TimeSpan.FromMinutes(10)), (options.Attempts, options.RetryAfter));
    }

    private static long Create(CallbackTestbed bed, DateTimeOffset arrived, int priority) =>
        bed.Store.Create(new NewCallback(arrived, "billing", priority, "+639171234567", null, null, null, arrived, arrived)).Id;
}
