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

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
