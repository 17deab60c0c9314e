using Microsoft.Data.Sqlite;

namespace CallCenter.Store;

/// <summary>Turns rows selected with <c>CallbackStore</c>'s column list into records.</summary>
internal static class CallbackRows
{
    public static IReadOnlyList<CallbackRecord> ReadAll(SqliteCommand command) => command.ReadAll(ReadRecord);

    private static CallbackRecord ReadRecord(SqliteDataReader reader)
    {
        long id = reader.GetInt64(0);
        string? storedRequirements = reader.NullableText(14);
        if (!RequirementsColumn.TryRead(storedRequirements, out var requirements, out string? error))
        {
            throw new StoreException(
                $"callback {id} has unreadable skill requirements ({error}): {storedRequirements}. Correct or clear the row's requirements column, or cancel the callback.");
        }

        return new CallbackRecord(
            Id: id,
            OriginalArrival: reader.Time(1),
            Queue: reader.GetString(2),
            Priority: reader.GetInt32(3),
            Number: reader.GetString(4),
            CallerName: reader.NullableText(5),
            TicketId: reader.NullableText(6),
            CallId: reader.NullableText(7),
            DueAt: reader.Time(8),
            Status: (CallbackStatus)reader.GetInt32(9),
            Attempts: reader.GetInt32(10),
            ClosedAt: reader.NullableTime(11),
            ClosedReason: reader.NullableText(12),
            RequestedAt: reader.NullableTime(13),
            Requirements: requirements);
    }
}
