namespace CallCenter.Config.Yaml;

/// <summary>A sequence or mapping whose start event has been read but not yet its end.</summary>
internal abstract class TreeFrame(TextPosition start, string? anchor, bool isFlow)
{
    public TextPosition Start { get; } = start;

    /// <summary>Anchor (<c>&amp;name</c>) to register once the collection is complete.</summary>
    public string? Anchor { get; } = anchor;

    /// <summary>True for <c>[...]</c> / <c>{...}</c>; used to point at an unclosed bracket.</summary>
    public bool IsFlow { get; } = isFlow;

    /// <summary>The bracket that opened a flow collection, for messages.</summary>
    public abstract char OpeningBracket { get; }

    public abstract void Add(Node node);

    public abstract Node Complete();
}

internal sealed class SequenceFrame(TextPosition start, string? anchor, bool isFlow)
    : TreeFrame(start, anchor, isFlow)
{
    private readonly List<Node> _items = [];

    public override char OpeningBracket => '[';

    public override void Add(Node node) => _items.Add(node);

    public override Node Complete() => new SequenceNode(Start, _items);
}

/// <summary>
/// Collects key/value pairs, dropping (and reporting) keys that are repeated or are not
/// plain values. YAML 1.2.2 §3.2.1.1 requires mapping keys to be unique.
/// </summary>
internal sealed class MappingFrame(TextPosition start, string? anchor, bool isFlow, ErrorCollector errors)
    : TreeFrame(start, anchor, isFlow)
{
    private readonly List<MappingEntry> _entries = [];
    private readonly Dictionary<string, ScalarNode> _keys = new(StringComparer.Ordinal);
    private Node? _pendingKey;

    public override char OpeningBracket => '{';

    public override void Add(Node node)
    {
        if (_pendingKey is null)
        {
            _pendingKey = node;
            return;
        }

        Node key = _pendingKey;
        _pendingKey = null;
        switch (key)
        {
            case UnreadableNode:
                return;
            case ScalarNode scalar when _keys.TryGetValue(scalar.Value, out ScalarNode? first):
                errors.Add(scalar.Start, $"duplicate key {Describe.Quote(scalar.Value)}: it is already used on line {first.Start.Line} of this mapping");
                return;
            case ScalarNode scalar:
                _keys.Add(scalar.Value, scalar);
                _entries.Add(new MappingEntry(scalar, node));
                return;
            default:
                errors.Add(key.Start, $"a key must be a single value such as a name or number (found {Describe.Found(key)})");
                return;
        }
    }

    public override Node Complete() => new MappingNode(Start, _entries);
}
