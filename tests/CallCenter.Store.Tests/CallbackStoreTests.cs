namespace CallCenter.Store.Tests;

public sealed class CallbackStoreTests : IDisposable
{
    private readonly TempDatabase _temp = new();
    private readonly CallbackStore _store;

    public CallbackStoreTests() => _store = new CallbackStore(_temp.Open());

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Create_stores_every_field_and_starts_pending()
    {
        NewCallback request = Callbacks.Request();

        CallbackRecord created = _store.Create(request);

        Assert.Equal(
            new CallbackRecord(created.Id, request.OriginalArrival, "sales", 5, "+639171234567", "Ana Santos", "T-1001", "a84b4c76e66710@pc33.example.com", request.DueAt, CallbackStatus.Pending, 0, null, null, request.RequestedAt, null),
            created);
        Assert.Equal(created, _store.Get(created.Id));
    }

    [Fact]
    public void Optional_fields_may_be_absent()
    {
        CallbackRecord created = _store.Create(Callbacks.Request(callerName: null) with { TicketId = null, CallId = null });

        Assert.Equal((null, null, null), (created.CallerName, created.TicketId, created.CallId));
    }

    [Fact]
    public void Get_returns_null_for_an_unknown_id()
    {
        Assert.Null(_store.Get(404));
    }

    [Fact]
    public void Pending_callbacks_list_by_priority_then_arrival()
    {
        long lowEarly = _store.Create(Callbacks.Request(priority: 3, arrivedMinutes: 0)).Id;
        long highLate = _store.Create(Callbacks.Request(priority: 8, arrivedMinutes: 10)).Id;
        long normalLate = _store.Create(Callbacks.Request(priority: 5, arrivedMinutes: 7)).Id;
        long normalEarly = _store.Create(Callbacks.Request(priority: 5, arrivedMinutes: 2)).Id;

        Assert.Equal([highLate, normalEarly, normalLate, lowEarly], _store.ListPending().Select(c => c.Id));
    }

    [Fact]
    public void Equal_priority_and_arrival_list_in_creation_order()
    {
        long[] ids = [.. Enumerable.Range(0, 5).Select(_ => _store.Create(Callbacks.Request()).Id)];

        Assert.Equal(ids, _store.ListPending().Select(c => c.Id));
    }

    [Fact]
    public void Listing_one_queue_leaves_out_the_others()
    {
        long sales = _store.Create(Callbacks.Request(queue: "sales")).Id;
        _store.Create(Callbacks.Request(queue: "billing"));

        Assert.Equal([sales], _store.ListPending("sales").Select(c => c.Id));
        Assert.Equal(2, _store.ListPending().Count);
    }

    [Fact]
    public void Cancel_closes_the_callback_with_time_and_reason()
    {
        CallbackRecord created = _store.Create(Callbacks.Request());
        DateTimeOffset at = Callbacks.T0.AddMinutes(3);

        Assert.True(_store.Cancel(created.Id, at, "caller phoned in again"));

        CallbackRecord cancelled = _store.Get(created.Id)!;
        Assert.Equal((CallbackStatus.Cancelled, at, "caller phoned in again"), (cancelled.Status, cancelled.ClosedAt, cancelled.ClosedReason));
        Assert.Empty(_store.ListPending());
    }

    [Fact]
    public void Done_and_given_up_are_closed_states()
    {
        long done = _store.Create(Callbacks.Request()).Id;
        long givenUp = _store.Create(Callbacks.Request()).Id;

        Assert.True(_store.MarkDone(done, Callbacks.T0, "spoke to caller"));
        Assert.True(_store.MarkGivenUp(givenUp, Callbacks.T0, "3 attempts without answer"));

        Assert.Equal(CallbackStatus.Done, _store.Get(done)!.Status);
        Assert.Equal((CallbackStatus.GivenUp, "3 attempts without answer"), (_store.Get(givenUp)!.Status, _store.Get(givenUp)!.ClosedReason));
        Assert.Empty(_store.ListPending());
    }

    [Fact]
    public void A_closed_callback_cannot_be_changed_again()
    {
        long id = _store.Create(Callbacks.Request()).Id;
        _store.MarkDone(id, Callbacks.T0, "spoke to caller");

        Assert.False(_store.Cancel(id, Callbacks.T0, "late cancel"));
        Assert.False(_store.MarkGivenUp(id, Callbacks.T0, "late give-up"));
        Assert.False(_store.Reschedule(id, Callbacks.T0.AddHours(1)));
        Assert.False(_store.RecordAttempt(id, Callbacks.T0, CallbackAttemptResult.Busy));
        Assert.Equal((CallbackStatus.Done, "spoke to caller"), (_store.Get(id)!.Status, _store.Get(id)!.ClosedReason));
    }

    [Fact]
    public void Changes_to_an_unknown_id_return_false()
    {
        Assert.False(_store.Cancel(99, Callbacks.T0, "x"));
        Assert.False(_store.Reschedule(99, Callbacks.T0));
        Assert.False(_store.RecordAttempt(99, Callbacks.T0, CallbackAttemptResult.Failed));
    }

    [Fact]
    public void Reschedule_moves_the_due_time_only()
    {
        CallbackRecord created = _store.Create(Callbacks.Request());
        DateTimeOffset later = Callbacks.T0.AddMinutes(30);

        Assert.True(_store.Reschedule(created.Id, later));

        Assert.Equal(created with { DueAt = later }, _store.Get(created.Id));
    }

    [Fact]
    public void Attempts_are_counted_and_listed_in_order()
    {
        long id = _store.Create(Callbacks.Request()).Id;

        _store.RecordAttempt(id, Callbacks.T0.AddMinutes(5), CallbackAttemptResult.NoAnswer);
        _store.RecordAttempt(id, Callbacks.T0.AddMinutes(10), CallbackAttemptResult.Busy);
        _store.RecordAttempt(id, Callbacks.T0.AddMinutes(15), CallbackAttemptResult.ShortAnswer);

        Assert.Equal(3, _store.Get(id)!.Attempts);
        Assert.Equal(CallbackStatus.Pending, _store.Get(id)!.Status);
        Assert.Equal(
            [CallbackAttemptResult.NoAnswer, CallbackAttemptResult.Busy, CallbackAttemptResult.ShortAnswer],
            _store.ListAttempts(id).Select(a => a.Result));
        Assert.Equal(Callbacks.T0.AddMinutes(10), _store.ListAttempts(id)[1].At);
    }

    [Fact]
    public void Find_pending_by_number_ignores_other_numbers_and_closed_callbacks()
    {
        long open = _store.Create(Callbacks.Request(number: "+60123456789")).Id;
        long closed = _store.Create(Callbacks.Request(number: "+60123456789")).Id;
        _store.Create(Callbacks.Request(number: "+447911123456"));
        _store.Cancel(closed, Callbacks.T0, "duplicate");

        Assert.Equal([open], _store.FindPendingByNumber("+60123456789").Select(c => c.Id));
        Assert.Empty(_store.FindPendingByNumber("+15551234567"));
    }

    [Fact]
    public void Times_round_trip_exactly_as_utc()
    {
        var arrival = new DateTimeOffset(2026, 11, 24, 17, 30, 15, 123, TimeSpan.FromHours(8)).AddTicks(4567);

        CallbackRecord created = _store.Create(Callbacks.Request() with { OriginalArrival = arrival });

        Assert.Equal(arrival, created.OriginalArrival);
        Assert.Equal(TimeSpan.Zero, created.OriginalArrival.Offset);
    }

    [Fact]
    public void Text_with_quotes_and_unicode_is_stored_as_given()
    {
        CallbackRecord created = _store.Create(Callbacks.Request(callerName: "O'Brien; DROP TABLE callbacks; -- Nurul 'Ñ' 日本"));

        Assert.Equal("O'Brien; DROP TABLE callbacks; -- Nurul 'Ñ' 日本", _store.Get(created.Id)!.CallerName);
    }

    [Fact]
    public void Due_callbacks_are_those_whose_time_has_come_in_queue_order()
    {
        long dueLow = _store.Create(Callbacks.Request(priority: 3) with { DueAt = Callbacks.T0 }).Id;
        long dueHigh = _store.Create(Callbacks.Request(priority: 7) with { DueAt = Callbacks.T0.AddMinutes(-1) }).Id;
        _store.Create(Callbacks.Request(priority: 9) with { DueAt = Callbacks.T0.AddTicks(1) });

        Assert.Equal([dueHigh, dueLow], _store.ListDue(Callbacks.T0).Select(c => c.Id));
    }
}
