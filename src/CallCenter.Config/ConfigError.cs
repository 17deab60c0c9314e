namespace CallCenter.Config;

/// <summary>One problem found in a configuration file.</summary>
/// <param name="Source">File path or source name the problem is in.</param>
/// <param name="Line">1-based line, or 0 when the problem is about the file as a whole.</param>
/// <param name="Column">1-based column, or 0 when the problem is about the file as a whole.</param>
/// <param name="Message">What is wrong, in words meant for the operator editing the file.</param>
public sealed record ConfigError(string Source, int Line, int Column, string Message)
{
    /// <summary>
    /// <c>FILE:LINE:COLUMN: message</c> (or <c>FILE: message</c> without a position), the form
    /// editors and terminals recognise as a jump-to location.
    /// </summary>
    public override string ToString() => Line > 0
        ? $"{Source}:{Line}:{Column}: {Message}"
        : $"{Source}: {Message}";

    /// <summary>
    /// Sorts by line then column, whole-file problems first. Stable, so problems at the same
    /// position keep the order they were found in.
    /// </summary>
    public static ConfigError[] SortByPosition(IEnumerable<ConfigError> errors) =>
        [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];
}
