namespace CallCenter.Ivr.Definition;

/// <summary>Where something is written in a flow file: 1-based line and column (0, 0 for the file as a whole).</summary>
/// <param name="Line">1-based line, or 0.</param>
/// <param name="Column">1-based column, or 0.</param>
public readonly record struct FlowPosition(int Line, int Column)
{
    /// <summary>The file as a whole (no better place to point at).</summary>
    public static FlowPosition File { get; } = new(0, 0);
}
