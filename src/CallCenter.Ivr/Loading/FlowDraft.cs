using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Loading;

/// <summary>
/// What the reader made of a file, even one with errors: the nodes and calendars it could build, and the names of
/// all that were written (so a reference to a node that exists but has its own error is not also called missing).
/// </summary>
/// <param name="Flow">The flow with every node that could be built.</param>
/// <param name="DeclaredNodes">Every id under <c>nodes:</c>.</param>
/// <param name="DeclaredCalendars">Every name under <c>calendars:</c>.</param>
/// <param name="IsComplete">True when every node was built and the start is known, so whole-graph checks are meaningful.</param>
internal sealed record FlowDraft(FlowDefinition Flow, IReadOnlySet<string> DeclaredNodes, IReadOnlySet<string> DeclaredCalendars, bool IsComplete)
{
    /// <summary>A draft of a flow built in code: everything it has is declared and complete.</summary>
    public static FlowDraft Of(FlowDefinition flow) => new(
        flow,
        flow.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal),
        flow.Calendars.Keys.ToHashSet(StringComparer.Ordinal),
        IsComplete: true);
}
