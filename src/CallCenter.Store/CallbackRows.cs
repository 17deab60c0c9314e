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
            records.Add(new CallbackRecord(
                Id: reader.GetInt64(0),
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
                ClosedReason: NullableText(reader, 12)));
        }

        return records;
    }

    private static string? NullableText(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
