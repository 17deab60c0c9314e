namespace CallCenter.Server.Calls;

/// <summary>Resolves a relative content path (prompts) against the working directory, then the program's own folder.</summary>
public static class ContentPath
{
    /// <summary>The path to use for <paramref name="path"/>.</summary>
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || Directory.Exists(path))
        {
            return path;
        }

        var besideProgram = Path.Combine(AppContext.BaseDirectory, path);
        return Directory.Exists(besideProgram) ? besideProgram : path;
    }
}
