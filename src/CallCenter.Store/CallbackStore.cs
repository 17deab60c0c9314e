using Microsoft.Data.Sqlite;

namespace CallCenter.Store;

/// <summary>
/// Callback requests that must survive a restart. Every change is one committed transaction;
/// operations on a callback that is unknown or already closed change nothing and return false. A read that meets a row
/// whose skill requirements were edited into something unreadable throws <see cref="StoreException"/> naming the
/// callback, rather than guess which agents may take it.
/// </summary>
public sealed class CallbackStore(CallCenterDatabase database)
{
    private const string Columns =
        "id, original_arrival, queue, priority, number, caller_name, ticket_id, call_id, due_at, status, attempts, closed_at, closed_reason, requested_at, requirements";

    // Queue order: higher priority first, then who has waited longest, then id so equal
    // priorities and arrival times (same clock tick) still come out the same way every time.
    private const string QueueOrder = "ORDER BY priority DESC, original_arrival ASC, id ASC";

    private readonly CallCenterDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>Stores a new pending callback and returns it with its id.</summary>
    public CallbackRecord Create(NewCallback request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Queue);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Number);
        if (request.Requirements?.Any(r => string.IsNullOrWhiteSpace(r.Skill)) == true)
        {
            throw new ArgumentException("every requirement names a skill", nameof(request));
        }

        // RETURNING hands back the stored row in the same transaction: no second connection to read it again.
        return _database.Write(command =>
        {
            command.CommandText = $"""
                INSERT INTO callbacks (original_arrival, queue, priority, number, caller_name, ticket_id, call_id, due_at, status, attempts, requested_at, requirements)
                VALUES ($arrival, $queue, $priority, $number, $name, $ticket, $call, $due, $pending, 0, $requested, $requirements)
                RETURNING {Columns}
                """;
            command.Parameters.AddWithValue("$arrival", StoredTime.ToStored(request.OriginalArrival));
            command.Parameters.AddWithValue("$queue", request.Queue);
            command.Parameters.AddWithValue("$priority", request.Priority);
            command.Parameters.AddWithValue("$number", request.Number);
            command.Parameters.AddWithValue("$name", (object?)request.CallerName ?? DBNull.Value);
            command.Parameters.AddWithValue("$ticket", (object?)request.TicketId ?? DBNull.Value);
            command.Parameters.AddWithValue("$call", (object?)request.CallId ?? DBNull.Value);
            command.Parameters.AddWithValue("$due", StoredTime.ToStored(request.DueAt));
            command.Parameters.AddWithValue("$pending", (int)CallbackStatus.Pending);
            command.Parameters.AddWithValue("$requested", StoredTime.ToStored(request.RequestedAt));
            command.Parameters.AddWithValue("$requirements", RequirementsColumn.ToStored(request.Requirements));
            return CallbackRows.ReadAll(command).Single();
        });
    }

    /// <summary>The callback with <paramref name="id"/>, or null when there is none.</summary>
    public CallbackRecord? Get(long id) => _database.Read(command =>
    {
        command.CommandText = $"SELECT {Columns} FROM callbacks WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return CallbackRows.ReadAll(command).FirstOrDefault();
    });

    /// <summary>Pending callbacks in queue order (priority high first, longest waiting first, then id).</summary>
    /// <param name="queue">Only this queue's callbacks; null for every queue.</param>
    public IReadOnlyList<CallbackRecord> ListPending(string? queue = null) => _database.Read(command =>
    {
        command.CommandText = queue is null
            ? $"SELECT {Columns} FROM callbacks WHERE status = $pending {QueueOrder}"
            : $"SELECT {Columns} FROM callbacks WHERE status = $pending AND queue = $queue {QueueOrder}";
        command.Parameters.AddWithValue("$pending", (int)CallbackStatus.Pending);
        if (queue is not null)
        {
            command.Parameters.AddWithValue("$queue", queue);
        }

        return CallbackRows.ReadAll(command);
    });

    /// <summary>Pending callbacks whose due time has come (due at or before <paramref name="now"/>), in queue order.</summary>
    public IReadOnlyList<CallbackRecord> ListDue(DateTimeOffset now) => _database.Read(command =>
    {
        command.CommandText = $"SELECT {Columns} FROM callbacks WHERE status = $pending AND due_at <= $now {QueueOrder}";
        command.Parameters.AddWithValue("$pending", (int)CallbackStatus.Pending);
        command.Parameters.AddWithValue("$now", StoredTime.ToStored(now));
        return CallbackRows.ReadAll(command);
    });

    /// <summary>
    /// Pending callbacks to <paramref name="number"/> (E.164), in queue order, e.g. to avoid a
    /// second request or to cancel one when the caller phones in again.
    /// </summary>
    public IReadOnlyList<CallbackRecord> FindPendingByNumber(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return _database.Read(command =>
        {
            command.CommandText = $"SELECT {Columns} FROM callbacks WHERE status = $pending AND number = $number {QueueOrder}";
            command.Parameters.AddWithValue("$pending", (int)CallbackStatus.Pending);
            command.Parameters.AddWithValue("$number", number);
            return CallbackRows.ReadAll(command);
        });
    }

    /// <summary>Moves the next attempt of a pending callback to <paramref name="dueAt"/>.</summary>
    public bool Reschedule(long id, DateTimeOffset dueAt) => _database.Write(command =>
    {
        command.CommandText = "UPDATE callbacks SET due_at = $due WHERE id = $id AND status = $pending";
        command.Parameters.AddWithValue("$due", StoredTime.ToStored(dueAt));
        AddPendingId(command, id);
        return command.ExecuteNonQuery() == 1;
    });

    /// <summary>Records one attempt on a pending callback and counts it; the callback stays pending.</summary>
    public bool RecordAttempt(long id, DateTimeOffset at, CallbackAttemptResult result) => _database.Write(command =>
    {
        command.CommandText = "UPDATE callbacks SET attempts = attempts + 1 WHERE id = $id AND status = $pending";
        AddPendingId(command, id);
        if (command.ExecuteNonQuery() != 1)
        {
            return false;
        }

        command.Parameters.Clear();
        command.CommandText = "INSERT INTO callback_attempts (callback_id, at, result) VALUES ($id, $at, $result)";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$at", StoredTime.ToStored(at));
        command.Parameters.AddWithValue("$result", (int)result);
        command.ExecuteNonQuery();
        return true;
    });

    /// <summary>The attempts recorded for <paramref name="id"/>, oldest first.</summary>
    public IReadOnlyList<CallbackAttempt> ListAttempts(long id) => _database.Read(command =>
    {
        command.CommandText = "SELECT callback_id, at, result FROM callback_attempts WHERE callback_id = $id ORDER BY at, id";
        command.Parameters.AddWithValue("$id", id);
        return command.ReadAll(reader => new CallbackAttempt(reader.GetInt64(0), reader.Time(1), (CallbackAttemptResult)reader.GetInt32(2)));
    });

    /// <summary>Closes a pending callback as done (the caller was reached).</summary>
    public bool MarkDone(long id, DateTimeOffset at, string reason) => Close(id, CallbackStatus.Done, at, reason);

    /// <summary>Closes a pending callback as given up (attempts exhausted, number unreachable).</summary>
    public bool MarkGivenUp(long id, DateTimeOffset at, string reason) => Close(id, CallbackStatus.GivenUp, at, reason);

    /// <summary>Withdraws a pending callback (e.g. the caller called in again and was served).</summary>
    public bool Cancel(long id, DateTimeOffset at, string reason) => Close(id, CallbackStatus.Cancelled, at, reason);

    private bool Close(long id, CallbackStatus status, DateTimeOffset at, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return _database.Write(command =>
        {
            command.CommandText = "UPDATE callbacks SET status = $status, closed_at = $at, closed_reason = $reason WHERE id = $id AND status = $pending";
            command.Parameters.AddWithValue("$status", (int)status);
            command.Parameters.AddWithValue("$at", StoredTime.ToStored(at));
            command.Parameters.AddWithValue("$reason", reason);
            AddPendingId(command, id);
            return command.ExecuteNonQuery() == 1;
        });
    }

    private static void AddPendingId(SqliteCommand command, long id)
    {
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$pending", (int)CallbackStatus.Pending);
    }
}
