using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;
using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Loading;

/// <summary>
/// Reads one entry under <c>nodes:</c>. A node is built whenever its required parts could be read, even if
/// other values were wrong (those take their defaults), so the graph checks still see it; the flow as a whole is
/// refused anyway because the errors were reported.
/// </summary>
internal static class NodeReader
{
    private const string NodeShape = "a mapping with \"type\" and the keys of that type";

    public static FlowNode? Read(MappingEntry entry, FlowValues values)
    {
        string id = entry.Key.Value;
        var position = FlowValues.At(entry.Key);
        if (!Tokens.IsFlowName(id))
        {
            values.Report(entry.Key, $"node id {Describe.Quote(id)} may contain only letters, digits, '-' and '_'");
            return null;
        }

        string context = $"node {Describe.Quote(id)}: ";
        MappingNode? map = Expect.MappingOrEmpty(entry.Value, $"node {Describe.Quote(id)}", NodeShape, values.Errors);
        if (map is null)
        {
            return null;
        }

        NodeFormat? format = ReadKind(map, context, values);
        if (format is null)
        {
            return null;
        }

        var fields = new NodeFields(id, position, map, format, values);
        return format.Kind switch
        {
            "play" => PromptNodeReaders.Play(fields),
            "menu" => MenuReader.Read(fields),
            "collect" => CollectReader.Read(fields),
            "say" => SayReader.Read(fields),
            "set" => SetReader.Read(fields),
            "branch" => BranchReader.Read(fields),
            "queue" => ExitNodeReaders.Queue(fields),
            "transfer" => ExitNodeReaders.Transfer(fields),
            "callback" => CallbackReaders.Callback(fields),
            "cancel-callback" => CallbackReaders.CancelCallback(fields),
            _ => PromptNodeReaders.Hangup(fields),
        };
    }

    private static NodeFormat? ReadKind(MappingNode map, string context, FlowValues values)
    {
        MappingEntry? typeEntry = map.Entries.FirstOrDefault(e => e.Key.Value == FlowFormat.TypeKey);
        if (typeEntry is null)
        {
            values.Report(map, $"{context}missing required key \"type\" (one of {string.Join(", ", FlowFormat.Kinds)})");
            return null;
        }

        string? kind = values.Text(typeEntry.Value, $"{context}\"type\"", "one of " + string.Join(", ", FlowFormat.Kinds));
        if (kind is null)
        {
            return null;
        }

        NodeFormat? format = FlowFormat.Find(kind);
        if (format is null)
        {
            string? likely = Suggestions.Closest(kind, FlowFormat.Kinds);
            string hint = Suggestions.Hint(likely);
            values.Report(typeEntry.Value, $"{context}unknown type {Describe.Quote(kind)}{hint}; types are: {string.Join(", ", FlowFormat.Kinds)}");
        }

        return format;
    }
}
