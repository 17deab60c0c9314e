namespace CallCenter.Interop.Tests.Infrastructure;

/// <summary>
/// A scratch directory for one test: server config, peer configs, injection CSVs and every peer's logs.
/// Deleted on disposal; failure messages carry the relevant log text, so nothing needs to survive the test.
/// </summary>
public sealed class InteropWorkspace : IDisposable
{
    /// <summary>Creates an empty directory under the system temp folder, named after <paramref name="purpose"/>.</summary>
    public InteropWorkspace(string purpose)
    {
        Root = Path.Combine(Path.GetTempPath(), "callcenter-interop", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    /// <summary>The directory.</summary>
    public string Root { get; }

    /// <summary>A path inside the workspace.</summary>
    public string PathOf(string name) => Path.Combine(Root, name);

    /// <summary>Creates (if needed) and returns a sub-directory.</summary>
    public string Subdirectory(string name) => Directory.CreateDirectory(PathOf(name)).FullName;

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> and returns the full path.</summary>
    public string WriteFile(string name, string text)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Deletes the directory and everything the peers wrote.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A killed peer may still be closing a log file; the temp folder is cleaned by the OS eventually.
        }
    }
}
