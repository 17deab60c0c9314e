using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;

namespace CallCenter.Config.Sections;

/// <summary>Reads an agent's <c>skills:</c> mapping of skill name to proficiency.</summary>
internal static class SkillsReader
{
    public const int MinProficiency = 1;
    public const int MaxProficiency = 10;

    /// <summary>The skills, or null when any entry is invalid (each problem is reported).</summary>
    public static IReadOnlyDictionary<string, int>? Read(Node value, string context, ErrorCollector errors)
    {
        MappingNode? map = Expect.MappingOrEmpty(value, $"{context}skills", "a mapping of skill name to proficiency, such as { sales: 7, lang-en: 5 }", errors);
        if (map is null)
        {
            return null;
        }

        var skills = new Dictionary<string, int>(map.Entries.Count, StringComparer.Ordinal);
        bool allValid = true;
        foreach (MappingEntry entry in map.Entries)
        {
            string skill = entry.Key.Value;
            if (!Tokens.IsSkillName(skill))
            {
                errors.Add(entry.Key.Start, $"{context}skill name {Describe.Quote(skill)} must be lowercase letters, digits and '-', starting with a letter or digit (such as sales or lang-en)");
                allValid = false;
                continue;
            }

            if (!TryReadProficiency(entry.Value, out int proficiency))
            {
                if (entry.Value is not UnreadableNode)
                {
                    errors.Add(entry.Value.Start, $"{context}skill \"{skill}\" proficiency must be a whole number from {MinProficiency} to {MaxProficiency} (found {Describe.Found(entry.Value)})");
                }

                allValid = false;
                continue;
            }

            skills.Add(skill, proficiency);
        }

        return allValid ? skills : null;
    }

    private static bool TryReadProficiency(Node value, out int proficiency)
    {
        proficiency = 0;
        if (value is not ScalarNode { Type: ScalarType.Integer } scalar
            || !CoreSchema.TryParseInteger(scalar.Value, out long number)
            || number is < MinProficiency or > MaxProficiency)
        {
            return false;
        }

        proficiency = (int)number;
        return true;
    }
}
