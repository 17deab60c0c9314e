namespace CallCenter.Server.Tests;

/// <summary>Folders of the repository the tests were built from (found by walking up to CallCenter.sln).</summary>
internal static class RepositoryFolders
{
    public static string Root { get; } = FindRoot();

    public static string Flows => Path.Combine(Root, "ivr-flows");

    /// <summary>The names of the repository's flows (its <c>ivr-flows/*.yaml</c> files), sorted.</summary>
    public static IReadOnlyList<string> FlowNames =>
        [.. Directory.EnumerateFiles(Flows, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>A copy of the repository's flows in a new temporary folder (delete it when done).</summary>
    public static string CopyOfFlows()
    {
        string copy = Path.Combine(Directory.CreateTempSubdirectory("callcenter-flows-").FullName, "ivr-flows");
        Directory.CreateDirectory(copy);
        foreach (string file in Directory.EnumerateFiles(Flows, "*.yaml"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CallCenter.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("CallCenter.sln not found above " + AppContext.BaseDirectory);
    }
}
