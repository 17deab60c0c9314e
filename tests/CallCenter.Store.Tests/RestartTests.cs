namespace CallCenter.Store.Tests;

public sealed class RestartTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Pending_callbacks_keep_their_order_and_state_after_a_restart()
    {
        var before = new CallbackStore(_temp.Open());
        long first = before.Create(Callbacks.Request(priority: 5, arrivedMinutes: 1)).Id;
        long tie = before.Create(Callbacks.Request(priority: 5, arrivedMinutes: 1)).Id;
        long urgent = before.Create(Callbacks.Request(priority: 9, arrivedMinutes: 4)).Id;
        long done = before.Create(Callbacks.Request(priority: 9, arrivedMinutes: 0)).Id;
        before.RecordAttempt(first, Callbacks.T0.AddMinutes(6), CallbackAttemptResult.NoAnswer);
        before.MarkDone(done, Callbacks.T0.AddMinutes(2), "spoke to caller");
        IReadOnlyList<CallbackRecord> pendingBefore = before.ListPending();

        var after = new CallbackStore(_temp.Open());

        Assert.Equal([urgent, first, tie], after.ListPending().Select(c => c.Id));
        Assert.Equal(pendingBefore, after.ListPending());
        Assert.Equal(1, after.Get(first)!.Attempts);
        Assert.Equal(CallbackStatus.Done, after.Get(done)!.Status);
    }

    [Fact]
    public void Ids_keep_increasing_after_a_restart()
    {
        long before = new CallbackStore(_temp.Open()).Create(Callbacks.Request()).Id;

        long after = new CallbackStore(_temp.Open()).Create(Callbacks.Request()).Id;

        Assert.True(after > before);
    }

    [Fact]
    public void Agent_state_history_survives_a_restart()
    {
        new AgentStateLog(_temp.Open()).Append(new AgentStateEntry(Callbacks.T0, "1001", "available", null));

        IReadOnlyList<AgentStateEntry> history = new AgentStateLog(_temp.Open()).Query("1001", Callbacks.T0, Callbacks.T0.AddDays(1));

        Assert.Equal([new AgentStateEntry(Callbacks.T0, "1001", "available", null)], history);
    }
}
