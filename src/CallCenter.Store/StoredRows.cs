using Microsoft.Data.Sqlite;

namespace CallCenter.Store;

/// <summary>Row reading shared by the stores: every selected row as a record, and the nullable and time columns.</summary>
internal static class StoredRows
{
    /// <summary>Runs <paramref name="command"/> and turns each row into a record, in the order selected.</summary>
    public static IReadOnlyList<T> ReadAll<T>(this SqliteCommand command, Func<SqliteDataReader, T> readRow)
    {
        var rows = new List<T>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(readRow(reader));
        }

        return rows;
    }

    public static string? NullableText(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>A time column (see <see cref="StoredTime"/>).</summary>
    public static DateTimeOffset Time(this SqliteDataReader reader, int ordinal) =>
        StoredTime.FromStored(reader.GetInt64(ordinal));

    public static DateTimeOffset? NullableTime(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.Time(ordinal);
}
