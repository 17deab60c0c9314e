using Microsoft.Data.Sqlite;

namespace CallCenter.Store;

/// <summary>
/// The SQLite file holding callbacks and agent state history. <see cref="Open"/> creates the file
/// when missing and brings its schema up to date; each store operation then uses its own short
/// connection, so the stores are safe to use from several threads at once.
/// </summary>
public sealed class CallCenterDatabase
{
    // SQLite result codes (https://sqlite.org/rescode.html) that mean "this file is not a usable database".
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    private readonly string _connectionString;

    private CallCenterDatabase(string fullPath, string connectionString)
    {
        FullPath = fullPath;
        _connectionString = connectionString;
    }

    /// <summary>The absolute path of the database file.</summary>
    public string FullPath { get; }

    /// <summary>
    /// Opens (creating when missing) the database at <see cref="StoreOptions.Path"/> and applies
    /// any schema steps it lacks.
    /// </summary>
    /// <exception cref="StoreException">
    /// The file is damaged or not a database, was written by a newer CallCenter, or cannot be created.
    /// </exception>
    public static CallCenterDatabase Open(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);

        string fullPath = Path.GetFullPath(options.Path);
        CreateFolder(fullPath);

        // No pooling: each operation really closes the file, so a restart or a test that deletes
        // the file never races a cached handle. The rates here (callbacks, agent state changes)
        // are far below where opening per operation would matter.
        string connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();

        var database = new CallCenterDatabase(fullPath, connectionString);
        try
        {
            using SqliteConnection connection = database.OpenConnection();
            SchemaMigrator.Apply(connection, fullPath);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteNotADatabase or SqliteCorrupt)
        {
            throw new StoreException(
                $"{fullPath} is damaged or is not a CallCenter database ({ex.Message.TrimEnd('.')}). Restore it from a backup, or move it aside to start with an empty one.",
                ex);
        }
        catch (SqliteException ex)
        {
            throw new StoreException($"cannot open the database {fullPath}: {ex.Message}", ex);
        }

        return database;
    }

    /// <summary>
    /// A new open connection with the crash-safety settings applied. WAL keeps readers
    /// working while a write is in progress and survives a crash without a torn file;
    /// synchronous=FULL syncs the WAL at every commit, so a committed callback survives power loss
    /// (https://sqlite.org/pragma.html#pragma_synchronous).
    /// </summary>
    internal SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using SqliteCommand pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one IMMEDIATE transaction (the write lock is taken at the
    /// start, so two writers never deadlock upgrading a read lock) and commits it.
    /// </summary>
    internal T Write<T>(Func<SqliteCommand, T> write)
    {
        using SqliteConnection connection = OpenConnection();
        using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        T result = write(command);
        transaction.Commit();
        return result;
    }

    /// <summary>Runs <paramref name="read"/> on its own connection; WAL lets it run beside a writer.</summary>
    internal T Read<T>(Func<SqliteCommand, T> read)
    {
        using SqliteConnection connection = OpenConnection();
        using SqliteCommand command = connection.CreateCommand();
        return read(command);
    }

    private static void CreateFolder(string fullPath)
    {
        string? folder = Path.GetDirectoryName(fullPath);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"cannot create the folder {folder} for the database: {ex.Message}", ex);
        }
    }
}
