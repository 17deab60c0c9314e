using CallCenter.Config.Yaml;
using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Loading;

/// <summary>
/// The keys of one node being read, with the wording that names them in messages. Unknown keys and missing
/// required ones are reported once, on construction, from the node kind's <see cref="NodeFormat"/>.
/// </summary>
internal sealed class NodeFields
{
    private readonly Dictionary<string, MappingEntry> _found;

    public NodeFields(string id, FlowPosition position, MappingNode map, NodeFormat format, FlowValues values)
    {
        Id = id;
        Position = position;
        Map = map;
        Values = values;
        _found = format.Keys.Check(map, format.Required, Context, values.Errors);
    }

    public string Id { get; }

    /// <summary>Where the node's id is written.</summary>
    public FlowPosition Position { get; }

    public MappingNode Map { get; }

    public FlowValues Values { get; }

    /// <summary>Message prefix naming the node, e.g. <c>node "billing": </c>.</summary>
    public string Context => $"node {Describe.Quote(Id)}: ";

    /// <summary>The value of <paramref name="key"/>, or null when the node does not have it.</summary>
    public Node? this[string key] => _found.TryGetValue(key, out MappingEntry? entry) ? entry.Value : null;

    /// <summary>True when the node has <paramref name="key"/>.</summary>
    public bool Has(string key) => _found.ContainsKey(key);

    /// <summary>How a key of this node is named in messages, e.g. <c>node "billing": "max-digits"</c>.</summary>
    public string Subject(string key) => $"{Context}\"{key}\"";

    /// <summary>A target key: null (after a message) when missing or not a node id.</summary>
    public NodeRef? Target(string key) => this[key] is { } value ? Values.Target(value, Subject(key)) : null;

    /// <summary>An optional prompt list; the default (pointing at the node) when the key is absent.</summary>
    public PromptList? PromptsOr(string key, string? defaultName, bool allowEmpty) => this[key] is { } value
        ? Values.Prompts(value, Subject(key), allowEmpty)
        : new PromptList(defaultName is null ? [] : [defaultName], Position);

    /// <summary>An optional whole number; the default when absent; the default after a message when bad.</summary>
    public int IntegerOr(string key, int min, int max, int defaultValue) =>
        this[key] is { } value ? Values.Integer(value, Subject(key), min, max) ?? defaultValue : defaultValue;

    /// <summary>An optional duration; the default when absent; the default after a message when bad.</summary>
    public TimeSpan DurationOr(string key, TimeSpan defaultValue) =>
        this[key] is { } value ? Values.Duration(value, Subject(key)) ?? defaultValue : defaultValue;
}
