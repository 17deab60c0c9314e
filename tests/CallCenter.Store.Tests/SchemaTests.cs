using Microsoft.Data.Sqlite;

namespace CallCenter.Store.Tests;

public sealed class SchemaTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Open_creates_the_folder_and_brings_a_new_file_to_the_latest_version()
    {
        CallCenterDatabase database = _temp.Open();

        Assert.True(File.Exists(_temp.FilePath));
        Assert.Equal(Path.GetFullPath(_temp.FilePath), database.FullPath);
        Assert.Equal(Migrations.Latest, ReadVersion());
    }

    [Fact]
    public void An_empty_file_is_migrated_like_a_new_one()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_temp.FilePath)!);
        File.WriteAllBytes(_temp.FilePath, []);

        CallCenterDatabase database = _temp.Open();

        Assert.Equal(Migrations.Latest, ReadVersion());
        Assert.Empty(new CallbackStore(database).ListPending());
    }

    [Fact]
    public void Reopening_keeps_the_version_and_does_not_rerun_steps()
    {
        _temp.Open();
        _temp.Open();

        Assert.Equal(1, _temp.Scalar("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(Migrations.Latest, ReadVersion());
    }

    [Fact]
    public void The_file_uses_write_ahead_logging()
    {
        _temp.Open();

        using var connection = new SqliteConnection($"Data Source={_temp.FilePath};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void Connections_sync_every_commit()
    {
        CallCenterDatabase database = _temp.Open();

        using SqliteConnection connection = database.OpenConnection();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, command.ExecuteScalar()); // 2 = FULL
    }

    [Fact]
    public void A_file_from_a_newer_version_is_refused_with_a_clear_message()
    {
        _temp.Open();
        _temp.Execute($"UPDATE schema_version SET version = {Migrations.Latest + 1}");

        StoreException error = Assert.Throws<StoreException>(_temp.Open);

        Assert.Equal(
            $"{Path.GetFullPath(_temp.FilePath)} has schema version {Migrations.Latest + 1}, written by a newer CallCenter; this version understands up to {Migrations.Latest}. Run the newer CallCenter, or restore a backup made by this version.",
            error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_with_a_clear_message()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_temp.FilePath)!);
        byte[] garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(_temp.FilePath, garbage);

        StoreException error = Assert.Throws<StoreException>(_temp.Open);

        Assert.StartsWith($"{Path.GetFullPath(_temp.FilePath)} is damaged or is not a CallCenter database (", error.Message);
        Assert.EndsWith("Restore it from a backup, or move it aside to start with an empty one.", error.Message);
        Assert.IsType<SqliteException>(error.InnerException);
    }

    [Fact]
    public void A_file_with_a_damaged_page_is_refused_at_open()
    {
        var store = new CallbackStore(_temp.Open());
        for (int i = 0; i < 200; i++)
        {
            store.Create(Callbacks.Request(arrivedMinutes: i, callerName: new string('x', 200)));
        }

        // Overwrite the middle of the file, past the header and schema pages, as a disk fault might.
        byte[] bytes = File.ReadAllBytes(_temp.FilePath);
        Array.Fill(bytes, (byte)0xA5, bytes.Length / 2, 4096);
        File.WriteAllBytes(_temp.FilePath, bytes);

        StoreException error = Assert.Throws<StoreException>(_temp.Open);

        Assert.StartsWith($"{Path.GetFullPath(_temp.FilePath)} is damaged", error.Message);
        Assert.EndsWith("Restore it from a backup, or move it aside to start with an empty one.", error.Message);
    }

    [Fact]
    public void A_folder_that_cannot_be_created_is_reported()
    {
        Directory.CreateDirectory(_temp.Folder);
        string blocker = Path.Combine(_temp.Folder, "data");
        File.WriteAllText(blocker, "a file where the folder should be");

        StoreException error = Assert.Throws<StoreException>(_temp.Open);

        Assert.StartsWith($"cannot create the folder {blocker} for the database: ", error.Message);
    }

    [Fact]
    public void The_default_path_is_data_callcenter_db()
    {
        Assert.Equal("data/callcenter.db", new StoreOptions().Path);
    }

    [Fact]
    public void Migration_steps_are_numbered_from_one_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, Migrations.All.Count), Migrations.All.Select(m => m.Version));
    }

    private long ReadVersion() => _temp.Scalar("SELECT MAX(version) FROM schema_version");
}
