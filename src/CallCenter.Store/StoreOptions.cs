namespace CallCenter.Store;

/// <summary>Where the SQLite database lives.</summary>
public sealed class StoreOptions
{
    /// <summary>The default file, relative to the working directory (the repository root when run from source).</summary>
    public const string DefaultPath = "data/callcenter.db";

    /// <summary>Database file path; its folder is created when missing.</summary>
    public string Path { get; set; } = DefaultPath;
}
