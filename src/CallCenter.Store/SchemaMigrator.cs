using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CallCenter.Store;

/// <summary>Brings a database to <see cref="Migrations.Latest"/>, one transaction per step.</summary>
internal static class SchemaMigrator
{
    public static void Apply(SqliteConnection connection, string fullPath)
    {
        CheckIntegrity(connection, fullPath);
        Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        int current = ReadVersion(connection);
        if (current > Migrations.Latest)
        {
            // Opening anyway would let this older build write rows a newer schema does not expect.
            throw new StoreException(
                $"{fullPath} has schema version {current}, written by a newer CallCenter; this version understands up to {Migrations.Latest}. Run the newer CallCenter, or restore a backup made by this version.");
        }

        foreach (Migration migration in Migrations.All)
        {
            if (migration.Version <= current)
            {
                continue;
            }

            // The step and its version number commit together: a crash leaves the old version,
            // and the step runs again at the next open.
            using SqliteTransaction transaction = connection.BeginTransaction();
            Execute(connection, transaction, migration.Sql);
            Execute(connection, transaction, "DELETE FROM schema_version");
            Execute(connection, transaction, $"INSERT INTO schema_version (version) VALUES ({migration.Version.ToString(CultureInfo.InvariantCulture)})");
            transaction.Commit();
        }
    }

    /// <summary>
    /// Refuses a file whose pages are damaged (e.g. by a disk fault or a copy taken mid-write)
    /// at start-up, rather than at the first callback that touches the damaged page. The file
    /// holds only callbacks and state history, so the check is quick.
    /// </summary>
    private static void CheckIntegrity(SqliteConnection connection, string fullPath)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check(1)";
        string result = command.ExecuteScalar() as string ?? "no result";
        if (!string.Equals(result, "ok", StringComparison.Ordinal))
        {
            throw new StoreException(
                $"{fullPath} is damaged (SQLite integrity check: {result}). Restore it from a backup, or move it aside to start with an empty one.");
        }
    }

    /// <summary>The schema version recorded in the file; 0 for a new file.</summary>
    internal static int ReadVersion(SqliteConnection connection)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(version) FROM schema_version";
        object? value = command.ExecuteScalar();
        return value is long version ? checked((int)version) : 0;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
