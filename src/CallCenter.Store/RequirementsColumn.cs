using System.Text.Json;

namespace CallCenter.Store;

/// <summary>
/// A callback's skill requirements in the <c>requirements</c> column: a JSON array of
/// <c>{"skill": NAME, "min": LEVEL}</c> in the caller's order, or NULL when the queue's own requirements apply. JSON
/// keeps any skill name intact (the names come from the configuration file) and SQLite checks it on write.
/// </summary>
internal static class RequirementsColumn
{
    private const string SkillProperty = "skill";
    private const string MinProperty = "min";

    /// <summary>The column value for <paramref name="requirements"/>: JSON text, or <see cref="DBNull"/> for null.</summary>
    public static object ToStored(IReadOnlyList<CallbackRequirement>? requirements)
    {
        if (requirements is null)
        {
            return DBNull.Value;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var requirement in requirements)
            {
                writer.WriteStartObject();
                writer.WriteString(SkillProperty, requirement.Skill);
                writer.WriteNumber(MinProperty, requirement.MinProficiency);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Reads a stored value back. False, with the reason, for text this class did not write (the file was edited by
    /// hand): the caller reports it rather than guess which agents may take the callback.
    /// </summary>
    public static bool TryRead(string? stored, out IReadOnlyList<CallbackRequirement>? requirements, out string? error)
    {
        requirements = null;
        error = null;
        if (stored is null)
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(stored);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                error = "not a JSON array";
                return false;
            }

            var list = new List<CallbackRequirement>(document.RootElement.GetArrayLength());
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty(SkillProperty, out var skill) || skill.ValueKind != JsonValueKind.String
                    || string.IsNullOrWhiteSpace(skill.GetString())
                    || !item.TryGetProperty(MinProperty, out var min) || min.ValueKind != JsonValueKind.Number || !min.TryGetInt32(out int level))
                {
                    error = $"an entry is not {{\"{SkillProperty}\": NAME, \"{MinProperty}\": LEVEL}}";
                    return false;
                }

                list.Add(new CallbackRequirement(skill.GetString()!, level));
            }

            requirements = list;
            return true;
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return false;
        }
    }
}
