using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Stateless.Graph;

namespace CallCenter.Ivr.Graph;

/// <summary>
/// Draws a flow as a Mermaid state diagram (<c>flows graph FILE</c>). The picture comes from the very state
/// machine calls run on (<see cref="FlowMachine"/>, through Stateless's <see cref="MermaidGraph"/>), so every
/// arrow is a transition that exists: keys, timeouts, retries, branch rules and the ways out. Self-arrows are
/// what a node handles without leaving it (a wrong key, a prompt ending). Exit nodes and callback nodes get a
/// second line saying where the call goes or what is booked.
/// </summary>
public static class FlowGraph
{
    /// <summary>The flow as Mermaid <c>stateDiagram-v2</c> text (lines end with \n); the same definition always gives the same text.</summary>
    public static string ToMermaid(FlowDefinition flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var machine = new FlowMachine(flow, NullLogger.Instance);
        return MermaidLabels.Rewrite(MermaidGraph.Format(machine.GetInfo()), ExitDescriptions(flow));
    }

    private static IEnumerable<(string Node, string Description)> ExitDescriptions(FlowDefinition flow)
    {
        foreach (var node in flow.Nodes)
        {
            string? description = node switch
            {
                QueueNode queue => $"queue for {string.Join(" + ", queue.Skills)}" + (queue.Priority is { } p ? $", priority {p}" : string.Empty),
                TransferNode { Uri: { } uri } => "transfer to " + uri,
                TransferNode transfer => "continue in flow " + transfer.Flow,
                HangupNode => "hang up",
                CallbackNode callback => "book a callback to " + callback.Number + (callback.Queue is { } queue ? " in queue " + queue.Name : string.Empty),
                CancelCallbackNode => "cancel pending callbacks",
                _ => null,
            };
            if (description is not null)
            {
                yield return (node.Id, description);
            }
        }
    }
}
