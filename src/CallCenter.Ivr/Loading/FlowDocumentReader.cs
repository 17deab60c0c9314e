using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;
using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Loading;

/// <summary>Reads the top level of a flow file: <c>flow</c>, <c>description</c>, <c>language</c>, <c>start</c>, <c>calendars</c>, <c>nodes</c>.</summary>
internal static class FlowDocumentReader
{
    private const string FileShape = "a mapping with flow, start and nodes";

    public static FlowDraft? Read(Node? root, string sourcePath, FlowValues values)
    {
        if (root is null || root is ScalarNode { Type: ScalarType.Null })
        {
            values.Errors.Add(TextPosition.StartOfFile, "the file is empty; a flow needs at least \"flow\", \"start\" and \"nodes\"");
            return null;
        }

        MappingNode? map = Expect.MappingOrEmpty(root, "the file", FileShape, values.Errors);
        if (map is null)
        {
            return null;
        }

        Dictionary<string, MappingEntry> found = FlowFormat.TopLevel.Check(map, FlowFormat.TopLevelRequired, string.Empty, values.Errors);

        Node? Value(string key) => found.TryGetValue(key, out MappingEntry? entry) ? entry.Value : null;

        string? name = Value("flow") is { } flow ? values.Identifier(flow, "\"flow\"", "the flow's name (its file name without .yaml)") : null;
        string description = Value("description") is { } d ? ReadDescription(d, values) : string.Empty;
        string language = Value("language") is { } l ? ReadLanguage(l, values) : FlowDefaults.Language;
        string? start = Value("start") is { } s ? values.Identifier(s, "\"start\"", "the id of the first node") : null;
        var declaredCalendars = new HashSet<string>(StringComparer.Ordinal);
        Dictionary<string, BusinessCalendar> calendars = Value("calendars") is { } c
            ? CalendarReader.ReadAll(c, values, declaredCalendars)
            : new(StringComparer.Ordinal);
        var declaredNodes = new HashSet<string>(StringComparer.Ordinal);
        List<FlowNode>? nodes = Value("nodes") is { } n ? ReadNodes(n, values, declaredNodes) : null;

        var definition = new FlowDefinition(name ?? string.Empty, sourcePath, description, language, start ?? string.Empty, nodes ?? [], calendars)
        {
            NamePosition = Position(Value("flow")),
            LanguagePosition = Position(Value("language")),
            StartPosition = Position(Value("start")),
        };
        bool complete = start is not null && nodes is not null && nodes.Count == declaredNodes.Count;
        return new FlowDraft(definition, declaredNodes, declaredCalendars, complete);
    }

    private static List<FlowNode>? ReadNodes(Node node, FlowValues values, HashSet<string> declared)
    {
        MappingNode? map = Expect.MappingOrEmpty(node, "\"nodes\"", "a mapping of node id to node", values.Errors);
        if (map is null)
        {
            return null;
        }

        if (map.Entries.Count == 0)
        {
            values.Report(node, "\"nodes\" is empty; a flow needs at least one node");
            return null;
        }

        var nodes = new List<FlowNode>(map.Entries.Count);
        foreach (MappingEntry entry in map.Entries)
        {
            declared.Add(entry.Key.Value);
            if (NodeReader.Read(entry, values) is { } built)
            {
                nodes.Add(built);
            }
        }

        return nodes;
    }

    private static string ReadDescription(Node node, FlowValues values)
    {
        switch (node)
        {
            case ScalarNode scalar when scalar.Type != ScalarType.Null:
                return scalar.Value;
            case ScalarNode or UnreadableNode:
                return string.Empty;
            default:
                values.Report(node, $"\"description\" must be a line of text (found {Describe.Found(node)})");
                return string.Empty;
        }
    }

    private static string ReadLanguage(Node node, FlowValues values)
    {
        string? language = values.Text(node, "\"language\"", "a language code such as en, tl or ms");
        if (language is not null && !LanguageCode.IsValid(language))
        {
            values.Report(node, $"\"language\" must be a language code such as en, tl or ms (found {Describe.Found(node)})");
            return FlowDefaults.Language;
        }

        return language ?? FlowDefaults.Language;
    }

    private static FlowPosition Position(Node? node) => node is null ? FlowPosition.File : FlowValues.At(node);
}
