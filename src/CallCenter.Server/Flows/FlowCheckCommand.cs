using CallCenter.Ivr.Loading;
using CallCenter.Ivr.Prompts;
using CallCenter.Server.Calls;

namespace CallCenter.Server.Flows;

/// <summary>
/// <c>flows check [DIR]</c>: loads every flow of the folder as the server would, without starting it, and prints
/// each problem as <c>FILE:LINE:COLUMN: error|warning: message</c>, then the summary. Exit 0 without errors, else 1.
/// </summary>
internal static class FlowCheckCommand
{
    public static int Run(string directory, TextWriter output)
    {
        string resolved = ContentPath.Resolve(directory);
        (IPromptCatalog prompts, string audioRoot) = FlowCommandPrompts.For(resolved);
        string languages = prompts.Languages.Count == 0 ? "no languages found" : string.Join(", ", prompts.Languages);
        output.Write($"checking {resolved} against the prompts in {Shorten(audioRoot)} ({languages})\n");

        FlowSet set = FlowSetLoader.LoadDirectory(resolved, prompts);
        foreach (FlowProblem problem in set.Problems)
        {
            output.Write(problem + "\n");
        }

        output.Write(set.Summary + "\n");
        return set.HasErrors ? 1 : 0;
    }

    /// <summary>The path relative to the working directory when it lies below it (<c>audio</c>), else in full.</summary>
    private static string Shorten(string path)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
