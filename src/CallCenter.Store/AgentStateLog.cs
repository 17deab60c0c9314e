using Microsoft.Data.Sqlite;

namespace CallCenter.Store;

/// <summary>Append-only history of agent state changes, for reports and supervisor views.</summary>
public sealed class AgentStateLog(CallCenterDatabase database)
{
    private readonly CallCenterDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>Appends one change in its own committed transaction.</summary>
    public void Append(AgentStateEntry change)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrEmpty(change.Extension);
        ArgumentException.ThrowIfNullOrEmpty(change.State);

        _database.Write(command =>
        {
            command.CommandText = "INSERT INTO agent_state_log (at, extension, state, reason) VALUES ($at, $extension, $state, $reason)";
            command.Parameters.AddWithValue("$at", StoredTime.ToStored(change.At));
            command.Parameters.AddWithValue("$extension", change.Extension);
            command.Parameters.AddWithValue("$state", change.State);
            command.Parameters.AddWithValue("$reason", (object?)change.Reason ?? DBNull.Value);
            return command.ExecuteNonQuery();
        });
    }

    /// <summary>The last change logged for <paramref name="extension"/>, or null when it has none.</summary>
    public AgentStateEntry? Latest(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        return _database.Read(command =>
        {
            command.CommandText = """
                SELECT at, extension, state, reason FROM agent_state_log
                WHERE extension = $extension
                ORDER BY at DESC, id DESC
                LIMIT 1
                """;
            command.Parameters.AddWithValue("$extension", extension);
            using SqliteDataReader reader = command.ExecuteReader();
            return reader.Read() ? ReadEntry(reader) : null;
        });
    }

    /// <summary>
    /// Changes of <paramref name="extension"/> with <paramref name="from"/> ≤ time &lt; <paramref name="to"/>,
    /// oldest first; changes logged at the same instant keep the order they were appended in.
    /// </summary>
    public IReadOnlyList<AgentStateEntry> Query(string extension, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(extension);
        return _database.Read(command =>
        {
            command.CommandText = """
                SELECT at, extension, state, reason FROM agent_state_log
                WHERE extension = $extension AND at >= $from AND at < $to
                ORDER BY at, id
                """;
            command.Parameters.AddWithValue("$extension", extension);
            command.Parameters.AddWithValue("$from", StoredTime.ToStored(from));
            command.Parameters.AddWithValue("$to", StoredTime.ToStored(to));
            return command.ReadAll(ReadEntry);
        });
    }

    private static AgentStateEntry ReadEntry(SqliteDataReader reader) => new(
        reader.Time(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.NullableText(3));
}
