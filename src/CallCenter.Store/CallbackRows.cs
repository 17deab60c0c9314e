using Microsoft.Data.Sqlite;

namespace CallCenter.Store;

/// <summary>Turns rows selected with <c>CallbackStore</c>'s column list into records.</summary>
internal static class CallbackRows
{
    public static IReadOnlyList<CallbackRecord> ReadAll(SqliteCommand command)
    {
        var records = new List<CallbackRecord>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            long id = reader.GetInt64(0);
            string? storedRequirements = NullableText(reader, 14);
            if (!RequirementsColumn.TryRead(storedRequirements, out var requirements, out string? error))
            {
                throw new StoreException(
                    $"callback {id} has unreadable skill requirements ({error}): {storedRequirements}. Correct or clear the row's requirements column, or cancel the callback.");
            }

            records.Add(new CallbackRecord(
                Id: id,
                OriginalArrival: StoredTime.FromStored(reader.GetInt64(1)),
                Queue: reader.GetString(2),
                Priority: reader.GetInt32(3),
                Number: reader.GetString(4),
                CallerName: NullableText(reader, 5),
                TicketId: NullableText(reader, 6),
                CallId: NullableText(reader, 7),
                DueAt: StoredTime.FromStored(reader.GetInt64(8)),
                Status: (CallbackStatus)reader.GetInt32(9),
                Attempts: reader.GetInt32(10),
                ClosedAt: reader.IsDBNull(11) ? null : StoredTime.FromStored(reader.GetInt64(11)),
                ClosedReason: NullableText(reader, 12),
                RequestedAt: reader.IsDBNull(13) ? null : StoredTime.FromStored(reader.GetInt64(13)),
                Requirements: requirements));
        }

        return records;
    }

    private static string? NullableText(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
