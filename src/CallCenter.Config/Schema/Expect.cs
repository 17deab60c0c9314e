using CallCenter.Config.Yaml;

namespace CallCenter.Config.Schema;

/// <summary>
/// Shape checks shared by the section readers. Each returns null after reporting when the node
/// has the wrong shape; a node whose problem was already reported is skipped without a message.
/// <c>subject</c> names the value in the message (e.g. <c>agent "1001": skills</c>) and
/// <c>shape</c> says what it should be (e.g. <c>a mapping of skill name to proficiency</c>).
/// </summary>
public static class Expect
{
    /// <summary>A mapping (an empty value is refused: the item needs settings).</summary>
    public static MappingNode? Mapping(Node node, string subject, string shape, ErrorCollector errors)
    {
        if (node is not MappingNode map)
        {
            if (node is not UnreadableNode)
            {
                errors.Add(node.Start, $"{subject} must be {shape} (found {Describe.Found(node)})");
            }

            return null;
        }

        return map;
    }

    /// <summary>A mapping; an empty value (<c>skills:</c> with nothing after it) counts as an empty mapping.</summary>
    public static MappingNode? MappingOrEmpty(Node node, string subject, string shape, ErrorCollector errors)
    {
        switch (node)
        {
            case MappingNode map:
                return map;
            case ScalarNode { Type: ScalarType.Null }:
                return new MappingNode(node.Start, []);
            case UnreadableNode:
                return null;
            default:
                errors.Add(node.Start, $"{subject} must be {shape} (found {Describe.Found(node)})");
                return null;
        }
    }

    /// <summary>A list; an empty value counts as an empty list.</summary>
    public static SequenceNode? SequenceOrEmpty(Node node, string subject, string shape, ErrorCollector errors)
    {
        switch (node)
        {
            case SequenceNode list:
                return list;
            case ScalarNode { Type: ScalarType.Null }:
                return new SequenceNode(node.Start, []);
            case UnreadableNode:
                return null;
            default:
                errors.Add(node.Start, $"{subject} must be {shape} (found {Describe.Found(node)})");
                return null;
        }
    }

    /// <summary>
    /// A single non-empty value, returned as written. Lists and mappings are refused without
    /// repeating their content, so this is safe to use for secrets.
    /// </summary>
    public static ScalarNode? NonEmptyScalar(Node node, string subject, string shape, ErrorCollector errors)
    {
        switch (node)
        {
            case ScalarNode { Type: ScalarType.Null } or ScalarNode { Value: "" }:
                errors.Add(node.Start, $"{subject} is empty; it must be {shape}");
                return null;
            case ScalarNode scalar:
                return scalar;
            case UnreadableNode:
                return null;
            default:
                errors.Add(node.Start, $"{subject} must be {shape} (found {Describe.Found(node)})");
                return null;
        }
    }
}
