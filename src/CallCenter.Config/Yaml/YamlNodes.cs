namespace CallCenter.Config.Yaml;

/// <summary>
/// A node of the parsed document. Unlike YamlDotNet's representation model this tree keeps
/// duplicate-key and alias problems as reported errors instead of exceptions, so every
/// problem in the file can be collected in one pass.
/// </summary>
public abstract class Node(TextPosition start)
{
    /// <summary>Where the node begins in the text.</summary>
    public TextPosition Start { get; } = start;
}

/// <summary>YAML 1.2 core-schema type of a scalar (YAML 1.2.2 §10.3).</summary>
public enum ScalarType
{
    /// <summary>Empty, <c>~</c> or <c>null</c>.</summary>
    Null,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A whole number (decimal, <c>0o</c> octal or <c>0x</c> hex).</summary>
    Integer,

    /// <summary>A number with a fraction or exponent, or <c>.inf</c> / <c>.nan</c>.</summary>
    Float,

    /// <summary>Anything else, and every quoted value.</summary>
    Text,
}

/// <summary>A single value. <see cref="Value"/> is the text exactly as written (after unquoting).</summary>
public sealed class ScalarNode(TextPosition start, string value, ScalarType type) : Node(start)
{
    /// <summary>The text as written, after unquoting.</summary>
    public string Value { get; } = value;

    /// <summary>What the text is under the YAML 1.2 core schema.</summary>
    public ScalarType Type { get; } = type;
}

/// <summary>A YAML sequence ("- item" lines or <c>[a, b]</c>).</summary>
public sealed class SequenceNode(TextPosition start, IReadOnlyList<Node> items) : Node(start)
{
    /// <summary>The items in file order.</summary>
    public IReadOnlyList<Node> Items { get; } = items;
}

/// <summary>A YAML mapping with unique scalar keys, in file order.</summary>
public sealed class MappingNode(TextPosition start, IReadOnlyList<MappingEntry> entries) : Node(start)
{
    /// <summary>The pairs in file order.</summary>
    public IReadOnlyList<MappingEntry> Entries { get; } = entries;
}

/// <summary>One <c>key: value</c> pair of a mapping.</summary>
public sealed record MappingEntry(ScalarNode Key, Node Value);

/// <summary>
/// Stands in for a value whose problem has already been reported (an undefined alias, an
/// unsupported tag). Schema readers skip it silently so one mistake yields one message.
/// </summary>
public sealed class UnreadableNode(TextPosition start) : Node(start);
