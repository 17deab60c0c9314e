using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Loading;

/// <summary>The outcome of reading one flow file.</summary>
/// <param name="Flow">The flow, or null when any problem is an error (warnings alone do not stop it).</param>
/// <param name="Problems">Every problem found, sorted by position.</param>
public sealed record FlowLoadResult(FlowDefinition? Flow, IReadOnlyList<FlowProblem> Problems)
{
    /// <summary>True when at least one problem is an error (and so <see cref="Flow"/> is null).</summary>
    public bool HasErrors => Problems.Any(p => p.IsError);
}
