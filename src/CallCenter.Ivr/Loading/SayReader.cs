using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;
using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Loading;

/// <summary>Reads a <c>type: say</c> node: a list of <c>prompt: NAME</c>, <c>number: VAR</c>, <c>digits: VAR</c>, <c>duration: VAR</c>.</summary>
internal static class SayReader
{
    private const string ItemShape = "one of \"prompt: NAME\", \"number: VARIABLE\", \"digits: VARIABLE\" or \"duration: VARIABLE\"";

    public static SayNode? Read(NodeFields fields)
    {
        IReadOnlyList<SayItem>? items = fields["items"] is { } value ? ReadItems(value, fields) : null;
        NodeRef? next = fields.Target("next");
        return items is null || next is null ? null : new SayNode(fields.Id, fields.Position, items, next.Value);
    }

    private static List<SayItem>? ReadItems(Node node, NodeFields fields)
    {
        SequenceNode? list = Expect.SequenceOrEmpty(node, fields.Subject("items"), "a list of things to say, each " + ItemShape, fields.Values.Errors);
        if (list is null)
        {
            return null;
        }

        if (list.Items.Count == 0)
        {
            fields.Values.Report(node, $"{fields.Subject("items")} is empty; list at least one thing to say");
            return null;
        }

        var items = new List<SayItem>(list.Items.Count);
        for (int i = 0; i < list.Items.Count; i++)
        {
            if (ReadItem(list.Items[i], $"{fields.Context}item {i + 1} of \"items\"", fields.Values) is { } item)
            {
                items.Add(item);
            }
        }

        return items.Count == list.Items.Count ? items : null;
    }

    private static SayItem? ReadItem(Node node, string subject, FlowValues values)
    {
        if (node is UnreadableNode)
        {
            return null;
        }

        if (node is not MappingNode { Entries.Count: 1 } map)
        {
            values.Report(node, $"{subject} must be {ItemShape} (found {Describe.Found(node)})");
            return null;
        }

        MappingEntry entry = map.Entries[0];
        FlowFormat.SayItem.ReportUnknown(map, subject + ": ", values.Errors);
        string kind = entry.Key.Value;
        string itemSubject = $"{subject}: \"{kind}\"";
        var position = FlowValues.At(entry.Key);
        return kind switch
        {
            "prompt" => values.PromptNameAt(entry.Value, itemSubject) is { } name ? new SayItem(SayFormat.Prompt, name, position) : null,
            "number" => Variable(SayFormat.Number),
            "digits" => Variable(SayFormat.Digits),
            "duration" => Variable(SayFormat.Duration),
            _ => null,
        };

        SayItem? Variable(SayFormat format) =>
            values.Identifier(entry.Value, itemSubject, "a variable name") is { } variable ? new SayItem(format, variable, position) : null;
    }
}
