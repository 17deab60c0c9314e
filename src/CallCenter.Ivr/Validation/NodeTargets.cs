using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Validation;

/// <summary>A node named as a target, with the words that say where (e.g. <c>"fallback"</c>, <c>key "1"</c>).</summary>
internal readonly record struct NamedTarget(string Where, NodeRef Target);

/// <summary>Lists each node's targets in the file's own words, for messages about targets that do not exist.</summary>
internal static class NodeTargets
{
    public static IEnumerable<NamedTarget> Of(FlowNode node) => node switch
    {
        PlayNode play => [new("\"next\"", play.Next)],
        MenuNode menu => [.. menu.Choices.Select(c => new NamedTarget($"key \"{c.Key}\"", c.Target)), new("\"fallback\"", menu.Fallback)],
        CollectNode collect => [new("\"next\"", collect.Next), new("\"fallback\"", collect.Fallback)],
        SayNode say => [new("\"next\"", say.Next)],
        SetNode set => [new("\"next\"", set.Next)],
        BranchNode branch => [.. branch.Rules.Select((r, i) => new NamedTarget($"rule {i + 1}'s \"goto\"", r.Target)), new("\"else\"", branch.Else)],
        QueueNode { NoAgent: { } noAgent } => [new("\"no-agent\"", noAgent)],
        CallbackNode callback => [new("\"next\"", callback.Next), new("\"refused\"", callback.Refused)],
        CancelCallbackNode cancel => [new("\"next\"", cancel.Next)],

        // A kind added later still has its edges checked, labelled as the flowchart labels them.
        _ => node.Edges.Select(e => new NamedTarget($"\"{e.Label}\"", new NodeRef(e.Target, e.Position))),
    };
}
