using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;

namespace CallCenter.Config.Sections;

/// <summary>Reads <c>when-max-wait:</c> and <c>when-nobody-logged-in:</c>: callback, overflow:QUEUE, message (or wait).</summary>
internal static class QueueFallbackReader
{
    public const string OverflowPrefix = "overflow:";

    /// <summary>An overflow target, checked against every queue name once the whole section is read.</summary>
    public sealed record OverflowReference(ScalarNode At, string Key, string Target);

    /// <summary>The fallback, <paramref name="fallback"/> when absent, or null after reporting.</summary>
    public static QueueFallbackRule? Read(Fields fields, string key, bool allowWait, QueueFallbackRule fallback, List<OverflowReference> overflows)
    {
        Node? value = fields.Get(key);
        if (value is null)
        {
            return fallback;
        }

        string[] choices = allowWait ? ["callback", "overflow:QUEUE", "message", "wait"] : ["callback", "overflow:QUEUE", "message"];
        if (value is ScalarNode { Type: ScalarType.Text } scalar)
        {
            switch (scalar.Value)
            {
                case "callback":
                    return new QueueFallbackRule(QueueFallbackKind.Callback);
                case "message":
                    return new QueueFallbackRule(QueueFallbackKind.Message);
                case "wait" when allowWait:
                    return new QueueFallbackRule(QueueFallbackKind.Wait);
            }

            if (scalar.Value.StartsWith(OverflowPrefix, StringComparison.Ordinal))
            {
                return ReadOverflow(fields, key, scalar, overflows);
            }
        }

        string? likely = value is ScalarNode typed ? Suggestions.Closest(typed.Value, choices.Select(c => c.Replace(":QUEUE", string.Empty, StringComparison.Ordinal))) : null;
        string hint = Suggestions.Hint(likely == "overflow" ? "overflow:QUEUE" : likely);
        string waitNote = !allowWait && value is ScalarNode { Value: "wait" } ? "; \"wait\" is only for when-nobody-logged-in" : string.Empty;
        fields.Report(value, $"{key} must be one of {string.Join(", ", choices)} (found {Describe.Found(value)}){hint}{waitNote}");
        return null;
    }

    private static QueueFallbackRule? ReadOverflow(Fields fields, string key, ScalarNode scalar, List<OverflowReference> overflows)
    {
        string target = scalar.Value[OverflowPrefix.Length..].Trim();
        if (!Tokens.IsSkillName(target))
        {
            fields.Report(scalar, $"{key} must name a queue after \"overflow:\", such as overflow:general (found {Describe.Found(scalar)})");
            return null;
        }

        overflows.Add(new OverflowReference(scalar, key, target));
        return new QueueFallbackRule(QueueFallbackKind.Overflow, target);
    }
}
