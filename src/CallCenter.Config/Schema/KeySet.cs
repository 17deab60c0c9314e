using CallCenter.Config.Yaml;

namespace CallCenter.Config.Schema;

/// <summary>The keys a mapping may contain, and the checks every such mapping gets.</summary>
/// <param name="Noun">What a key is called in messages: "key", or "section" at the top level.</param>
/// <param name="Allowed">Allowed key names, in the order they are listed to the operator.</param>
public sealed record KeySet(string Noun, IReadOnlyList<string> Allowed)
{
    /// <summary>Known keys present in <paramref name="map"/>, by name. Unknown keys are ignored here.</summary>
    public Dictionary<string, MappingEntry> Find(MappingNode map)
    {
        var found = new Dictionary<string, MappingEntry>(StringComparer.Ordinal);
        foreach (MappingEntry entry in map.Entries)
        {
            if (IsAllowed(entry.Key.Value))
            {
                found[entry.Key.Value] = entry;
            }
        }

        return found;
    }

    /// <summary>
    /// Reports each key not in <see cref="Allowed"/>, suggesting the likely intended one.
    /// <c>context</c> is the message prefix naming the mapping, e.g. <c>agent "1001": </c>, or empty.
    /// </summary>
    public void ReportUnknown(MappingNode map, string context, ErrorCollector errors)
    {
        foreach (MappingEntry entry in map.Entries)
        {
            string key = entry.Key.Value;
            if (IsAllowed(key))
            {
                continue;
            }

            string? likely = Suggestions.Closest(key, Allowed);
            string hint = Suggestions.Hint(likely);
            errors.Add(entry.Key.Start, $"{context}unknown {Noun} {Describe.Quote(key)}{hint}; allowed {Noun}s are: {string.Join(", ", Allowed)}");
        }
    }

    private bool IsAllowed(string key)
    {
        foreach (string allowed in Allowed)
        {
            if (string.Equals(allowed, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The usual checks of a mapping in one call: reports unknown keys, then each key of <paramref name="required"/>
    /// that is absent; returns the known keys present, as <see cref="Find"/> does.
    /// </summary>
    public Dictionary<string, MappingEntry> Check(MappingNode map, IEnumerable<string> required, string context, ErrorCollector errors)
    {
        ReportUnknown(map, context, errors);
        Dictionary<string, MappingEntry> found = Find(map);
        foreach (string key in required)
        {
            if (!found.ContainsKey(key))
            {
                ReportMissing(map, key, context, errors);
            }
        }

        return found;
    }

    /// <summary>Reports a required key that is absent, at the start of the mapping.</summary>
    public void ReportMissing(MappingNode map, string key, string context, ErrorCollector errors) =>
        errors.Add(map.Start, $"{context}missing required {Noun} \"{key}\"");
}
