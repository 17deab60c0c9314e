using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;

namespace CallCenter.Config.Sections;

/// <summary>Reads and validates one item of the <c>agents:</c> list.</summary>
internal static class AgentReader
{
    private static readonly KeySet Keys = new("key", ["extension", "name", "secret", "skills"]);

    /// <summary>The outcome for one item.</summary>
    /// <param name="Extension">The extension's node when it is valid (even if other fields are not), for the duplicate check.</param>
    /// <param name="Agent">The agent when every field is valid.</param>
    public sealed record Result(ScalarNode? Extension, AgentConfig? Agent);

    public static Result Read(Node item, int itemNumber, ErrorCollector errors)
    {
        // Until the extension is known the agent is named by its position in the list.
        string anonymous = $"agent #{itemNumber}";
        if (Expect.Mapping(item, anonymous, "a mapping with the keys extension, name, secret and skills", errors) is not { } map)
        {
            return new Result(null, null);
        }

        Dictionary<string, MappingEntry> fields = Keys.Find(map);
        ScalarNode? extension = ReadExtension(map, fields, $"{anonymous}: ", errors);
        string context = extension is null ? $"{anonymous}: " : $"agent \"{extension.Value}\": ";
        Keys.ReportUnknown(map, context, errors);

        string? name = Required(map, fields, "name", context, errors) is { } nameNode
            ? ReadName(nameNode, context, errors)
            : null;
        AgentSecret? secret = Required(map, fields, "secret", context, errors) is { } secretNode
            ? SecretReader.Read(secretNode, context, errors)
            : null;
        IReadOnlyDictionary<string, int>? skills = fields.TryGetValue("skills", out MappingEntry? skillsEntry)
            ? SkillsReader.Read(skillsEntry.Value, context, errors)
            : new Dictionary<string, int>();

        AgentConfig? agent = extension is not null && name is not null && secret is not null && skills is not null
            ? new AgentConfig(extension.Value, name, secret, skills)
            : null;
        return new Result(extension, agent);
    }

    /// <summary>The value of a required key, or null after reporting that it is missing.</summary>
    private static Node? Required(MappingNode map, Dictionary<string, MappingEntry> fields, string key, string context, ErrorCollector errors)
    {
        if (fields.TryGetValue(key, out MappingEntry? entry))
        {
            return entry.Value;
        }

        Keys.ReportMissing(map, key, context, errors);
        return null;
    }

    private static ScalarNode? ReadExtension(MappingNode map, Dictionary<string, MappingEntry> fields, string context, ErrorCollector errors)
    {
        if (Required(map, fields, "extension", context, errors) is not { } value)
        {
            return null;
        }

        const string Shape = "the SIP user name the softphone registers with, such as \"1001\"";
        ScalarNode? extension = Expect.NonEmptyScalar(value, $"{context}extension", Shape, errors);
        if (extension is null)
        {
            return null;
        }

        // Unquoted 1001 is a YAML integer; accept it as written so "0100" keeps its leading zero.
        if (extension.Type is not (ScalarType.Text or ScalarType.Integer))
        {
            errors.Add(extension.Start, $"{context}extension must be {Shape} (found {Describe.Found(extension)})");
            return null;
        }

        if (!Tokens.IsExtension(extension.Value))
        {
            errors.Add(extension.Start, $"{context}extension {Describe.Quote(extension.Value)} must be 1 to {Tokens.MaxExtensionLength} letters or digits (it is the SIP user name the softphone registers with)");
            return null;
        }

        return extension;
    }

    private static string? ReadName(Node value, string context, ErrorCollector errors)
    {
        const string Shape = "the agent's name, such as \"Ana Santos\"";
        ScalarNode? name = Expect.NonEmptyScalar(value, $"{context}name", Shape, errors);
        if (name is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(name.Value))
        {
            errors.Add(name.Start, $"{context}name is blank; it must be {Shape}");
            return null;
        }

        // The name ends up in SIP display names and log lines, where a line break would split them.
        if (Tokens.HasControlCharacters(name.Value))
        {
            errors.Add(name.Start, $"{context}name must not contain line breaks, tabs or other control characters");
            return null;
        }

        return name.Value;
    }
}
