using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Loading;

/// <summary>Lists the flow files of a folder, turning I/O failures and misnamed files into problems.</summary>
internal static class FlowDirectory
{
    private const string YmlExtension = ".yml";

    /// <summary>The <c>*.yaml</c> files in <paramref name="directory"/>, sorted; false (with the problem) when it cannot be listed.</summary>
    public static bool TryList(string directory, out IReadOnlyList<string> files, out List<FlowProblem> problems)
    {
        problems = [];
        files = [];
        string[] entries;
        try
        {
            if (!Directory.Exists(directory))
            {
                problems.Add(FlowProblem.Error(directory, FlowPosition.File, $"the flows folder does not exist (looked for {Path.GetFullPath(directory)})"));
                return false;
            }

            entries = [.. Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Add(FlowProblem.Error(directory, FlowPosition.File, $"cannot list the flows folder: {e.Message}"));
            return false;
        }

        foreach (string entry in entries.Where(e => e.EndsWith(YmlExtension, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(FlowProblem.Warning(entry, FlowPosition.File, $"this file is ignored: flow files must end in {FlowLoader.FileExtension}, not {YmlExtension}"));
        }

        files = [.. entries.Where(e => e.EndsWith(FlowLoader.FileExtension, StringComparison.Ordinal))];
        return true;
    }
}
