using CallCenter.Config.Yaml;
using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Validation;

namespace CallCenter.Ivr.Loading;

/// <summary>Checks the <c>transfer: flow:</c> targets of a flow against the other flows of its set.</summary>
internal static class TransferCheck
{
    /// <summary>Transfers to a flow that has no file in the set.</summary>
    public static List<FlowProblem> MissingFlows(FlowDefinition flow, IReadOnlySet<string> fileNames)
    {
        var problems = new List<FlowProblem>();
        foreach ((TransferNode node, string target) in TransfersOf(flow))
        {
            if (!fileNames.Contains(target))
            {
                problems.Add(FlowProblem.Error(
                    flow.SourcePath,
                    node.Position,
                    $"node {Describe.Quote(node.Id)}: \"flow\" names flow {Describe.Quote(target)} but there is no file {Describe.Quote(target + FlowLoader.FileExtension)} among the flows{NameHint.For(target, fileNames)}"));
            }
        }

        return problems;
    }

    /// <summary>Transfers to a flow whose file exists but that cannot be used because of its own errors.</summary>
    public static List<FlowProblem> UnusableFlows(FlowDefinition flow, IReadOnlySet<string> fileNames, IReadOnlyDictionary<string, FlowDefinition> usable)
    {
        var problems = new List<FlowProblem>();
        foreach ((TransferNode node, string target) in TransfersOf(flow))
        {
            if (fileNames.Contains(target) && !usable.ContainsKey(target))
            {
                problems.Add(FlowProblem.Error(
                    flow.SourcePath,
                    node.Position,
                    $"node {Describe.Quote(node.Id)}: \"flow\" names flow {Describe.Quote(target)}, which cannot be used until the errors in its file are fixed"));
            }
        }

        return problems;
    }

    private static IEnumerable<(TransferNode Node, string Target)> TransfersOf(FlowDefinition flow)
    {
        foreach (TransferNode node in flow.Nodes.OfType<TransferNode>())
        {
            if (node.Flow is { } target)
            {
                yield return (node, target);
            }
        }
    }
}
