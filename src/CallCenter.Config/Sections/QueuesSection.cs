using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;

namespace CallCenter.Config.Sections;

/// <summary>The <c>queues:</c> mapping of queue name to its skills and waiting rules.</summary>
internal sealed class QueuesSection : ConfigSection
{
    public override string Key => "queues";

    public override void Read(Node value, ConfigBuilder builder, ErrorCollector errors)
    {
        MappingNode? map = Expect.MappingOrEmpty(value, "queues", "a mapping of queue name to its settings, such as sales: { skills: { sales: 5 } }", errors);
        if (map is null)
        {
            return;
        }

        string[] names = [.. map.Entries.Select(e => e.Key.Value)];
        var overflowsByQueue = new Dictionary<string, IReadOnlyList<QueueFallbackReader.OverflowReference>>(StringComparer.Ordinal);
        foreach (MappingEntry entry in map.Entries)
        {
            string name = entry.Key.Value;
            bool nameValid = Tokens.IsSkillName(name);
            if (!nameValid)
            {
                errors.Add(entry.Key.Start, $"queue name {Describe.Quote(name)} must be lowercase letters, digits and '-', starting with a letter or digit (such as sales or billing-vip)");
            }

            QueueReader.Result result = QueueReader.Read(name, entry.Value, errors);
            builder.CallbackFallbackUses.AddRange(result.CallbackUses);
            bool referencesValid = CheckOverflows(name, result.Overflows, names, errors);
            if (nameValid && referencesValid && result.Queue is not null)
            {
                builder.Queues.Add(result.Queue);
                overflowsByQueue[name] = result.Overflows;
            }
        }

        OverflowLoops.Report(builder.Queues, overflowsByQueue, errors);
    }

    public override void CheckReferences(ConfigBuilder builder, ErrorCollector errors)
    {
        if (builder.CallbacksDeclared)
        {
            return;
        }

        foreach ((TextPosition at, string subject) in builder.CallbackFallbackUses)
        {
            errors.Add(at, $"{subject} needs a \"callbacks:\" section saying which trunk to call callers back on");
        }
    }

    private static bool CheckOverflows(string queue, IReadOnlyList<QueueFallbackReader.OverflowReference> overflows, string[] names, ErrorCollector errors)
    {
        bool valid = true;
        foreach (QueueFallbackReader.OverflowReference overflow in overflows)
        {
            string context = $"queue \"{queue}\": {overflow.Key}";
            if (string.Equals(overflow.Target, queue, StringComparison.Ordinal))
            {
                errors.Add(overflow.At.Start, $"{context} overflows to the queue itself; name another queue");
                valid = false;
            }
            else if (!names.Contains(overflow.Target, StringComparer.Ordinal))
            {
                string? likely = Suggestions.Closest(overflow.Target, names);
                string hint = Suggestions.Hint(likely);
                errors.Add(overflow.At.Start, $"{context} overflows to queue \"{overflow.Target}\", which is not defined{hint}; defined queues are: {string.Join(", ", names)}");
                valid = false;
            }
        }

        return valid;
    }
}
