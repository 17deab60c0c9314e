namespace CallCenter.Store.Tests;

/// <summary>A database written by the release with schema version 1 is brought forward at open and keeps its rows.</summary>
public sealed class SchemaUpgradeTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_version_1_database_is_upgraded_and_its_callbacks_keep_everything_they_had()
    {
        WriteVersion1Database();

        var store = new CallbackStore(_temp.Open());

        Assert.Equal(Migrations.Latest, _temp.Scalar("SELECT MAX(version) FROM schema_version"));
        Assert.Equal(1, _temp.Scalar("SELECT COUNT(*) FROM schema_version"));
        CallbackRecord old = store.ListPending().Single();
        Assert.Equal(
            new CallbackRecord(7, Callbacks.T0, "default", 6, "+639171234567", "Ana Santos", null, "old-call", Callbacks.T0.AddMinutes(3), CallbackStatus.Pending, 1, null, null),
            old);
        Assert.Null(old.RequestedAt);
        Assert.Null(old.Requirements);
        Assert.Equal([new CallbackAttempt(7, Callbacks.T0.AddMinutes(2), CallbackAttemptResult.Busy)], store.ListAttempts(7));
    }

    [Fact]
    public void An_upgraded_database_stores_the_new_fields_and_keeps_numbering_ids()
    {
        WriteVersion1Database();
        var store = new CallbackStore(_temp.Open());

        CallbackRecord created = store.Create(Callbacks.Request(requirements: [new("billing", 5)]));

        Assert.Equal(8, created.Id);
        Assert.Equal(Callbacks.T0.AddMinutes(4), created.RequestedAt);
        Assert.Equal([new CallbackRequirement("billing", 5)], created.Requirements!);
        Assert.Equal(2, store.ListPending().Count);
    }

    /// <summary>A file exactly as version 1 left it: its step, its version row, and one pending callback with an attempt.</summary>
    private void WriteVersion1Database()
    {
        long arrival = Callbacks.T0.UtcTicks;
        _temp.Execute(Migrations.All[0].Sql + $"""
            ;
            CREATE TABLE schema_version (version INTEGER NOT NULL);
            INSERT INTO schema_version (version) VALUES (1);
            INSERT INTO callbacks (id, original_arrival, queue, priority, number, caller_name, ticket_id, call_id, due_at, status, attempts)
            VALUES (7, {arrival}, 'default', 6, '+639171234567', 'Ana Santos', NULL, 'old-call', {Callbacks.T0.AddMinutes(3).UtcTicks}, 0, 1);
            INSERT INTO callback_attempts (callback_id, at, result) VALUES (7, {Callbacks.T0.AddMinutes(2).UtcTicks}, {(int)CallbackAttemptResult.Busy});
            """);
    }
}
