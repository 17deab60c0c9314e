using System.Text;

namespace CallCenter.Config.Yaml;

/// <summary>Words for values as they appear in operator-facing messages.</summary>
public static class Describe
{
    /// <summary>Longest piece of the operator's text repeated back in a message.</summary>
    private const int MaxQuotedLength = 40;

    /// <summary>
    /// What was found where something else was expected, e.g. <c>12</c>, <c>"high"</c>, <c>a list</c>.
    /// Never use this on a secret's node: it repeats the value.
    /// </summary>
    public static string Found(Node node) => node switch
    {
        ScalarNode { Type: ScalarType.Null } => "an empty value",
        ScalarNode { Type: ScalarType.Text } text => Quote(text.Value),
        ScalarNode scalar => Quote(scalar.Value, withQuotes: false),
        SequenceNode => "a list",
        MappingNode => "a mapping",
        _ => "a value that could not be read",
    };

    /// <summary>
    /// Quotes the operator's text for a message, shortening long text and showing control
    /// characters as escapes so one problem always stays on one line.
    /// </summary>
    public static string Quote(string text, bool withQuotes = true)
    {
        var quoted = new StringBuilder(Math.Min(text.Length, MaxQuotedLength) + 3);
        if (withQuotes)
        {
            quoted.Append('"');
        }

        foreach (char c in text.AsSpan(0, Math.Min(text.Length, MaxQuotedLength)))
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                quoted.Append($"\\u{(int)c:X4}");
            }
            else
            {
                quoted.Append(c);
            }
        }

        if (text.Length > MaxQuotedLength)
        {
            quoted.Append('…');
        }

        if (withQuotes)
        {
            quoted.Append('"');
        }

        return quoted.ToString();
    }
}
