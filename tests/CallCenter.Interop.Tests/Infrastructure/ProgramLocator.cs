namespace CallCenter.Interop.Tests.Infrastructure;

/// <summary>Finds peer programs (sipp, baresip, …) on the <c>PATH</c>, the way a shell would.</summary>
public static class ProgramLocator
{
    /// <summary>The full path of <paramref name="program"/> on <c>PATH</c>, or null when it is not installed.</summary>
    public static string? Find(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate) && IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsExecutable(string file) =>
        OperatingSystem.IsWindows()
        || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
