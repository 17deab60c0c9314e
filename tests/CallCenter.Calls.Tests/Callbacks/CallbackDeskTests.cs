using CallCenter.Calls.Callbacks;
using CallCenter.Routing;
using CallCenter.Store;

namespace CallCenter.Calls.Tests.Callbacks;

public class CallbackDeskTests
{
    [Fact]
    public void A_booking_is_stored_and_takes_the_callers_place_in_routing()
    {
        using var bed = new CallbackTestbed();
        var contact = CallbackTestbed.CallContact(arrivedAt: CallbackTestbed.Start, priority: 7);

        var booking = bed.Book("09171234567", contact);

        Assert.True(booking.Booked);
        Assert.Equal("+639171234567", booking.Number);
        var stored = bed.Store.Get(booking.Id!.Value)!;
        Assert.Equal(
            (CallbackTestbed.Start, "billing", 7, "+639171234567", "T-42", "call-id-1", CallbackStatus.Pending, 0),
            (stored.OriginalArrival, stored.Queue, stored.Priority, stored.Number, stored.TicketId, stored.CallId, stored.Status, stored.Attempts));
        Assert.Equal(CallbackTestbed.Start.AddMinutes(2), stored.RequestedAt);
        Assert.Equal([new CallbackRequirement("billing", 5)], stored.Requirements!);

        // The call's contact leaves first, then the callback enters with the caller's arrival, priority and requirements.
        Assert.Equal(["handed-over call-1", $"enqueue callback-{booking.Id}-1"], bed.Router.Events);
        var callback = bed.Router.Last.Contact;
        Assert.Equal(
            (ContactKind.Callback, CallbackTestbed.Start, 7, "billing"),
            (callback.Kind, callback.ArrivedAt, callback.Priority, callback.QueueId));
        Assert.Equal([new SkillRequirement("billing", 5)], callback.Requirements);
    }

    [Fact]
    public void A_caller_not_waiting_is_booked_in_a_named_queue_from_now_at_its_priority()
    {
        using var bed = new CallbackTestbed();
        var desk = bed.DeskWithQueues(new QueueDefinition("general", [new SkillRequirement("general", 1)]) { Priority = 4 });
        bed.Clock.Advance(TimeSpan.FromMinutes(2));
        var now = bed.Clock.GetUtcNow();

        var booking = desk.BookInQueue("09171234567", "general", "after-hours-call", "T-9");

        Assert.True(booking.Booked);
        var stored = bed.Store.Get(booking.Id!.Value)!;
        Assert.Equal(
            (now, now, "general", 4, "+639171234567", "after-hours-call", "T-9"),
            (stored.OriginalArrival, stored.RequestedAt, stored.Queue, stored.Priority, stored.Number, stored.CallId, stored.TicketId));
        Assert.Null(stored.Requirements);

        // No call's contact waited, so nothing leaves routing; the callback joins the queue with its own requirements.
        Assert.Equal([$"enqueue callback-{booking.Id}-1"], bed.Router.Events);
        var callback = bed.Router.Last.Contact;
        Assert.Equal((ContactKind.Callback, now, 4, "general"), (callback.Kind, callback.ArrivedAt, callback.Priority, callback.QueueId));
        Assert.Null(callback.Requirements);
    }

    [Fact]
    public void Booking_in_a_queue_the_centre_lacks_or_to_a_number_the_trunk_cannot_call_is_refused()
    {
        using var bed = new CallbackTestbed();
        var desk = bed.DeskWithQueues(new QueueDefinition("general", []));

        var unknown = desk.BookInQueue("09171234567", "genral", "call-1", null);
        var badNumber = desk.BookInQueue("12", "general", "call-1", null);

        Assert.Equal((false, "there is no queue 'genral'"), (unknown.Booked, unknown.Error));
        Assert.False(badNumber.Booked);
        Assert.Empty(bed.Store.ListPending());
        Assert.Empty(bed.Router.Events);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("")]
    [InlineData("1001")]
    public void A_number_the_trunk_cannot_call_is_refused_and_nothing_changes(string number)
    {
        using var bed = new CallbackTestbed();

        var booking = bed.Book(number);

        Assert.False(booking.Booked);
        Assert.Equal("not a valid phone number", booking.Error);
        Assert.Empty(bed.Store.ListPending());
        Assert.Empty(bed.Router.Events);
    }

    [Fact]
    public void A_caller_who_calls_again_is_found_by_their_caller_id_in_any_form_and_can_cancel()
    {
        using var bed = new CallbackTestbed();
        var booking = bed.Book("09171234567");

        Assert.True(bed.Desk.HasPending("+639171234567"));
        Assert.False(bed.Desk.HasPending("+639999999999"));
        Assert.False(bed.Desk.HasPending("anonymous"));

        Assert.Equal(1, bed.Desk.CancelPending("09171234567", "cancelled by the caller"));

        Assert.False(bed.Desk.HasPending("+639171234567"));
        var stored = bed.Store.Get(booking.Id!.Value)!;
        Assert.Equal((CallbackStatus.Cancelled, "cancelled by the caller"), (stored.Status, stored.ClosedReason));
        Assert.Equal($"handed-over callback-{booking.Id}-1", bed.Router.Events[^1]);
        Assert.Equal(0, bed.Desk.CancelPending("09171234567", "again"));
    }

    [Fact]
    public void A_cancelled_callback_ignores_a_late_offer()
    {
        using var bed = new CallbackTestbed();
        var booking = bed.Book();
        var attempt = bed.LastTry;

        Assert.Equal(CallbackChange.Done, bed.Desk.Cancel(booking.Id!.Value, "by supervisor"));
        attempt.Offer(Agents.Target("1001"), bed.Clock.GetUtcNow().AddSeconds(15));

        Assert.Empty(bed.Phones.Legs);
        Assert.Equal(CallbackChange.NotFound, bed.Desk.Cancel(booking.Id.Value, "twice"));
        Assert.Equal(CallbackChange.NotFound, bed.Desk.Cancel(999, "unknown"));
    }

    [Fact]
    public void The_list_shows_each_pending_callback_with_where_it_is()
    {
        using var bed = new CallbackTestbed();
        var first = bed.Book("09171234567", CallbackTestbed.CallContact("call-1"));
        var second = bed.Book("09181234567", CallbackTestbed.CallContact("call-2", CallbackTestbed.Start.AddSeconds(30)));
        bed.OfferAgent("1001");

        var list = bed.Desk.ListPending();

        Assert.Equal([first.Id!.Value, second.Id!.Value], list.Select(c => c.Record.Id));
        Assert.Equal(CallbackPhase.Waiting, list[0].Progress!.Phase);
        Assert.Equal((CallbackPhase.RingingAgent, "1001"), (list[1].Progress!.Phase, list[1].Progress!.Agent));
        Assert.Null(list[0].Progress!.NextTry);
    }

    [Fact]
    public void Rescheduling_takes_the_callback_out_of_line_until_the_new_time_and_it_comes_back_in_its_place()
    {
        using var bed = new CallbackTestbed();
        var booking = bed.Book();
        long id = booking.Id!.Value;
        var at = bed.Clock.GetUtcNow().AddHours(2);

        Assert.Equal(CallbackChange.Done, bed.Desk.Reschedule(id, at));

        Assert.Equal($"handed-over callback-{id}-1", bed.Router.Events[^1]);
        Assert.Equal(at, bed.Store.Get(id)!.DueAt);
        Assert.Equal(at, bed.Desk.ListPending().Single().Progress!.NextTry);
        bed.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.Single(bed.Router.Enqueued);
        bed.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, bed.Router.Enqueued.Count);
        Assert.Equal(CallbackTestbed.Start, bed.Router.Last.Contact.ArrivedAt);
    }

    [Fact]
    public void A_callback_with_an_agent_on_it_cannot_be_rescheduled()
    {
        using var bed = new CallbackTestbed();
        var booking = bed.Book();
        bed.AgentAnswers(bed.OfferAgent());

        Assert.Equal(CallbackChange.InProgress, bed.Desk.Reschedule(booking.Id!.Value, bed.Clock.GetUtcNow().AddHours(1)));
        Assert.Equal(CallbackChange.NotFound, bed.Desk.Reschedule(999, bed.Clock.GetUtcNow()));
    }
}
