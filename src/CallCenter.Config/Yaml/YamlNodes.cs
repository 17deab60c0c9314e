namespace CallCenter.Config.Yaml;

/// <summary>
/// A node of the parsed document. Unlike YamlDotNet's representation model this tree keeps
/// duplicate-key and alias problems as reported errors instead of exceptions, so every
/// problem in the file can be collected in one pass.
/// </summary>
internal abstract class Node(TextPosition start)
{
    /// <summary>Where the node begins in the text.</summary>
    public TextPosition Start { get; } = start;
}

/// <summary>YAML 1.2 core-schema type of a scalar (YAML 1.2.2 §10.3).</summary>
internal enum ScalarType
{
    Null,
    Boolean,
    Integer,
    Float,
    Text,
}

/// <summary>A single value. <see cref="Value"/> is the text exactly as written (after unquoting).</summary>
internal sealed class ScalarNode(TextPosition start, string value, ScalarType type) : Node(start)
{
    public string Value { get; } = value;

    public ScalarType Type { get; } = type;
}

/// <summary>A YAML sequence ("- item" lines or <c>[a, b]</c>).</summary>
internal sealed class SequenceNode(TextPosition start, IReadOnlyList<Node> items) : Node(start)
{
    public IReadOnlyList<Node> Items { get; } = items;
}

/// <summary>A YAML mapping with unique scalar keys, in file order.</summary>
internal sealed class MappingNode(TextPosition start, IReadOnlyList<MappingEntry> entries) : Node(start)
{
    public IReadOnlyList<MappingEntry> Entries { get; } = entries;
}

/// <summary>One <c>key: value</c> pair of a mapping.</summary>
internal sealed record MappingEntry(ScalarNode Key, Node Value);

/// <summary>
/// Stands in for a value whose problem has already been reported (an undefined alias, an
/// unsupported tag). Schema readers skip it silently so one mistake yields one message.
/// </summary>
internal sealed class UnreadableNode(TextPosition start) : Node(start);
