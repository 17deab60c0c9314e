using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Loading;
using CallCenter.Ivr.Prompts;

namespace CallCenter.Ivr.Validation;

/// <summary>
/// Checks a flow beyond the shape of each value: targets exist, every node can be reached, no loop spins without
/// the caller, every caller can leave, menu keys are unique, digit limits make sense, calendars exist, and the
/// prompts and languages are recorded. Messages name the node and say what to change.
/// </summary>
public static class FlowValidator
{
    /// <summary>Every problem in <paramref name="flow"/>, prompts included, sorted by position.</summary>
    public static IReadOnlyList<FlowProblem> Validate(FlowDefinition flow, IPromptCatalog prompts)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(prompts);
        return FlowProblem.SortByPosition(Check(FlowDraft.Of(flow), prompts));
    }

    /// <summary>The problems in <paramref name="flow"/> that do not depend on which prompts exist, sorted by position.</summary>
    public static IReadOnlyList<FlowProblem> ValidateGraph(FlowDefinition flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return FlowProblem.SortByPosition(Check(FlowDraft.Of(flow), prompts: null));
    }

    /// <summary>
    /// Checks what the reader built. Whole-graph checks run only when every node was built and every target
    /// exists: with a node missing, nodes behind it would be reported unreachable or trapped for no real reason.
    /// </summary>
    internal static IReadOnlyList<FlowProblem> Check(FlowDraft draft, IPromptCatalog? prompts)
    {
        var problems = new ProblemList(draft.Flow.SourcePath);
        bool targetsFound = TargetCheck.Run(draft, problems);
        NodeRuleCheck.Run(draft, problems);
        if (draft.IsComplete && targetsFound)
        {
            GraphCheck.Run(draft.Flow, problems);
        }

        if (prompts is not null)
        {
            PromptCheck.Run(draft.Flow, prompts, problems);
        }

        return problems.All;
    }
}
