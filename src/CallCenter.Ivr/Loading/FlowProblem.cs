using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Loading;

/// <summary>How serious a problem in a flow file is.</summary>
public enum FlowProblemSeverity
{
    /// <summary>The flow cannot be used until it is fixed.</summary>
    Error,

    /// <summary>The flow works, but probably not as the operator meant (e.g. a prompt falls back to English).</summary>
    Warning,
}

/// <summary>One problem found in a flow file, meant for the operator editing it.</summary>
/// <param name="Source">The file (or source name) the problem is in.</param>
/// <param name="Line">1-based line, or 0 when the problem is about the file as a whole.</param>
/// <param name="Column">1-based column, or 0 when the problem is about the file as a whole.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">What is wrong, in plain words, naming the node it is about.</param>
public sealed record FlowProblem(string Source, int Line, int Column, FlowProblemSeverity Severity, string Message)
{
    /// <summary>True for <see cref="FlowProblemSeverity.Error"/>.</summary>
    public bool IsError => Severity == FlowProblemSeverity.Error;

    /// <summary>
    /// <c>FILE:LINE:COLUMN: error: message</c> (or <c>FILE: warning: message</c> without a position), the form
    /// editors and terminals recognise as a jump-to location.
    /// </summary>
    public override string ToString()
    {
        string severity = IsError ? "error" : "warning";
        return Line > 0
            ? $"{Source}:{Line}:{Column}: {severity}: {Message}"
            : $"{Source}: {severity}: {Message}";
    }

    /// <summary>An error at <paramref name="position"/>.</summary>
    public static FlowProblem Error(string source, FlowPosition position, string message) =>
        new(source, position.Line, position.Column, FlowProblemSeverity.Error, message);

    /// <summary>A warning at <paramref name="position"/>.</summary>
    public static FlowProblem Warning(string source, FlowPosition position, string message) =>
        new(source, position.Line, position.Column, FlowProblemSeverity.Warning, message);

    /// <summary>Sorts by line then column, whole-file problems first; stable, so problems at one place keep their order.</summary>
    public static IReadOnlyList<FlowProblem> SortByPosition(IEnumerable<FlowProblem> problems) =>
        [.. problems.OrderBy(p => p.Line).ThenBy(p => p.Column)];
}
