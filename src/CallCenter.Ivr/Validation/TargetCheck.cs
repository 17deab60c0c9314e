using CallCenter.Config.Yaml;
using CallCenter.Ivr.Loading;

namespace CallCenter.Ivr.Validation;

/// <summary>Every node named as <c>start</c> or as a target must exist.</summary>
internal static class TargetCheck
{
    /// <summary>Reports each missing target; true when all of them exist.</summary>
    public static bool Run(FlowDraft draft, ProblemList problems)
    {
        bool allFound = true;
        // A start left out, or nodes that could not be read at all, were reported by the reader already.
        bool startKnown = draft.IsComplete || (draft.Flow.Start.Length > 0 && draft.DeclaredNodes.Count > 0);
        if (startKnown && !draft.DeclaredNodes.Contains(draft.Flow.Start))
        {
            problems.Error(draft.Flow.StartPosition, $"\"start\" names node {Describe.Quote(draft.Flow.Start)} but there is no such node{Hint(draft.Flow.Start, draft)}");
            allFound = false;
        }

        foreach (var node in draft.Flow.Nodes)
        {
            foreach (NamedTarget named in NodeTargets.Of(node))
            {
                if (draft.DeclaredNodes.Contains(named.Target.Id))
                {
                    continue;
                }

                problems.Error(
                    named.Target.Position,
                    $"node {Describe.Quote(node.Id)}: {named.Where} names node {Describe.Quote(named.Target.Id)} but there is no such node{Hint(named.Target.Id, draft)}");
                allFound = false;
            }
        }

        return allFound;
    }

    private static string Hint(string missing, FlowDraft draft) => NameHint.For(missing, draft.DeclaredNodes);
}
