using Microsoft.Data.Sqlite;

namespace CallCenter.Store.Tests;

/// <summary>A database file in a fresh temporary folder, deleted with the folder afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "callcenter-store-tests", Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(Folder, "data", "callcenter.db");
    }

    public string Folder { get; }

    public string FilePath { get; }

    public StoreOptions Options => new() { Path = FilePath };

    /// <summary>Opens the file as a server start would; call again to simulate a restart.</summary>
    public CallCenterDatabase Open() => CallCenterDatabase.Open(Options);

    /// <summary>Runs <paramref name="sql"/> on the file directly (creating it), as a hand edit or an older release would.</summary>
    public void Execute(string sql) => OnFile(sql, command => command.ExecuteNonQuery());

    /// <summary>The first column of the first row of <paramref name="sql"/>, read from the file directly.</summary>
    public long Scalar(string sql) => OnFile(sql, command => (long)command.ExecuteScalar()!);

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private T OnFile<T>(string sql, Func<SqliteCommand, T> run)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return run(command);
    }
}
