using CallCenter.Config.Yaml;

namespace CallCenter.Config.Schema;

/// <summary>
/// Reads the keys of one mapping (a queue, a trunk, …), reporting unknown and missing keys and
/// every badly written value. Each reader returns a usable default after reporting, so all
/// problems are found in one pass; <see cref="Failed"/> then tells the caller not to build the item.
/// </summary>
internal sealed class Fields
{
    private readonly Dictionary<string, MappingEntry> _found;
    private readonly KeySet _keys;
    private readonly MappingNode _map;

    public Fields(MappingNode map, KeySet keys, string context, ErrorCollector errors)
    {
        _map = map;
        _keys = keys;
        Context = context;
        Errors = errors;
        _found = keys.Find(map);
        keys.ReportUnknown(map, context, errors);
    }

    /// <summary>Message prefix naming the mapping, e.g. <c>queue "sales": </c>.</summary>
    public string Context { get; }

    public ErrorCollector Errors { get; }

    /// <summary>True once any value of this mapping was refused.</summary>
    public bool Failed { get; private set; }

    /// <summary>The value of <paramref name="key"/>, or null when absent.</summary>
    public Node? Get(string key) => _found.TryGetValue(key, out MappingEntry? entry) ? entry.Value : null;

    /// <summary>The value of <paramref name="key"/>, or null after reporting that it is missing.</summary>
    public Node? Required(string key)
    {
        Node? value = Get(key);
        if (value is null)
        {
            _keys.ReportMissing(_map, key, Context, Errors);
            Failed = true;
        }

        return value;
    }

    /// <summary>Reports a problem with a value and marks the mapping as failed.</summary>
    public void Report(Node at, string message)
    {
        if (at is not UnreadableNode)
        {
            Errors.Add(at.Start, $"{Context}{message}");
        }

        Failed = true;
    }

    /// <summary>Marks the mapping as failed when a nested reader reported a problem itself.</summary>
    public void MarkFailed() => Failed = true;

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or <paramref name="fallback"/> when absent.</summary>
    public int Integer(string key, int min, int max, int fallback)
    {
        Node? value = Get(key);
        if (value is null)
        {
            return fallback;
        }

        if (value is ScalarNode { Type: ScalarType.Integer } scalar
            && CoreSchema.TryParseInteger(scalar.Value, out long number)
            && number >= min && number <= max)
        {
            return (int)number;
        }

        Report(value, $"{key} must be a whole number from {min} to {max} (found {Describe.Found(value)})");
        return fallback;
    }

    /// <summary>A duration from <paramref name="min"/> to <paramref name="max"/>, or <paramref name="fallback"/> when absent.</summary>
    public TimeSpan Duration(string key, TimeSpan min, TimeSpan max, TimeSpan fallback) =>
        Get(key) is { } value ? ReadDuration(value, key, min, max) ?? fallback : fallback;

    /// <summary>A duration from <paramref name="min"/> to <paramref name="max"/>, or null when absent.</summary>
    public TimeSpan? OptionalDuration(string key, TimeSpan min, TimeSpan max) =>
        Get(key) is { } value ? ReadDuration(value, key, min, max) : null;

    /// <summary>A duration written at <paramref name="value"/>, or null after reporting.</summary>
    public TimeSpan? ReadDuration(Node value, string subject, TimeSpan min, TimeSpan max)
    {
        if (value is ScalarNode { Type: ScalarType.Text } scalar
            && DurationText.TryParse(scalar.Value, out TimeSpan duration)
            && duration >= min && duration <= max)
        {
            return duration;
        }

        Report(value, $"{subject} must be a duration such as 30s, 2m or 1h30m, from {DurationText.Format(min)} to {DurationText.Format(max)} (found {Describe.Found(value)})");
        return null;
    }

    /// <summary>One of <paramref name="choices"/> (index returned), <paramref name="fallback"/> when absent, or -1 after reporting.</summary>
    public int Choice(string key, IReadOnlyList<string> choices, int fallback)
    {
        Node? value = Get(key);
        if (value is null)
        {
            return fallback;
        }

        if (value is ScalarNode scalar)
        {
            for (int i = 0; i < choices.Count; i++)
            {
                if (string.Equals(choices[i], scalar.Value, StringComparison.Ordinal))
                {
                    return i;
                }
            }
        }

        string? likely = value is ScalarNode typed ? Suggestions.Closest(typed.Value, choices) : null;
        string hint = Suggestions.Hint(likely);
        Report(value, $"{key} must be one of {string.Join(", ", choices)} (found {Describe.Found(value)}){hint}");
        return -1;
    }

    /// <summary>A single non-empty value of <paramref name="key"/> without control characters, or null.</summary>
    public ScalarNode? Text(string key, string shape, bool required)
    {
        Node? value = required ? Required(key) : Get(key);
        if (value is null)
        {
            return null;
        }

        ScalarNode? scalar = Expect.NonEmptyScalar(value, $"{Context}{key}", shape, Errors);
        if (scalar is null)
        {
            Failed = true;
            return null;
        }

        if (string.IsNullOrWhiteSpace(scalar.Value) || Tokens.HasControlCharacters(scalar.Value))
        {
            Report(scalar, $"{key} must be {shape} on one line (found {Describe.Found(scalar)})");
            return null;
        }

        return scalar;
    }
}
