using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Loading;

/// <summary>
/// Every flow of a folder that can be used, and every problem found in the folder. A flow with an error is left
/// out (warnings alone do not stop a flow), and so is a flow that transfers to one left out.
/// </summary>
public sealed class FlowSet
{
    internal FlowSet(int filesChecked, IReadOnlyDictionary<string, FlowDefinition> flows, IReadOnlyList<FlowProblem> problems)
    {
        FilesChecked = filesChecked;
        Flows = flows;
        Problems = problems;
        ErrorCount = problems.Count(p => p.IsError);
        WarningCount = problems.Count - ErrorCount;
    }

    /// <summary>How many flow files were read.</summary>
    public int FilesChecked { get; }

    /// <summary>The usable flows by name.</summary>
    public IReadOnlyDictionary<string, FlowDefinition> Flows { get; }

    /// <summary>Every problem, by file then position.</summary>
    public IReadOnlyList<FlowProblem> Problems { get; }

    /// <summary>How many problems are errors.</summary>
    public int ErrorCount { get; }

    /// <summary>How many problems are warnings.</summary>
    public int WarningCount { get; }

    /// <summary>True when any problem is an error.</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>One line for the end of <c>flows check</c>, e.g. <c>3 flows checked: 0 errors, 2 warnings</c>.</summary>
    public string Summary =>
        $"{Count(FilesChecked, "flow")} checked: {Count(ErrorCount, "error")}, {Count(WarningCount, "warning")}";

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
}
