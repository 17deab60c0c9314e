using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;

namespace CallCenter.Config.Sections;

/// <summary>Checks the top level of the file and hands each section to its reader.</summary>
internal static class DocumentReader
{
    private static readonly KeySet TopLevelKeys = new("section", [.. ConfigSections.All.Select(s => s.Key)]);

    /// <summary>
    /// Reads every section of <paramref name="root"/> into <paramref name="builder"/>.
    /// A null root means the file holds no YAML document at all (only comments or nothing).
    /// </summary>
    public static void Read(Node? root, ConfigBuilder builder, ErrorCollector errors)
    {
        MappingNode? top = root switch
        {
            MappingNode map => map,
            null or ScalarNode { Type: ScalarType.Null } => RefuseEmpty(errors),
            _ => Refuse(root, errors),
        };
        if (top is null)
        {
            return;
        }

        TopLevelKeys.ReportUnknown(top, string.Empty, errors);
        Dictionary<string, MappingEntry> present = TopLevelKeys.Find(top);
        foreach (ConfigSection section in ConfigSections.All)
        {
            if (present.TryGetValue(section.Key, out MappingEntry? entry))
            {
                section.Read(entry.Value, builder, errors);
            }
        }

        foreach (ConfigSection section in ConfigSections.All)
        {
            section.CheckReferences(builder, errors);
        }
    }

    // An empty file is refused rather than read as "no agents": it is far more likely a wrong
    // or truncated file than a contact centre that really has nothing configured.
    private static MappingNode? RefuseEmpty(ErrorCollector errors)
    {
        errors.Add(TextPosition.StartOfFile, "the file has no settings; it must contain sections such as \"agents:\" and \"numbers:\"");
        return null;
    }

    private static MappingNode? Refuse(Node root, ErrorCollector errors)
    {
        if (root is not UnreadableNode)
        {
            errors.Add(root.Start, $"the top level of the file must be sections such as \"agents:\" and \"numbers:\" (found {Describe.Found(root)})");
        }

        return null;
    }
}
