using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;
using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Loading;

/// <summary>Reads a <c>type: menu</c> node.</summary>
internal static class MenuReader
{
    /// <summary>The keys of a phone keypad (RFC 4733 §3.2 events 0–11).</summary>
    public const string PhoneKeys = "0123456789*#";

    /// <summary>Most repeats allowed; more only keeps a lost caller on the line.</summary>
    public const int MaxRetries = 10;

    public static MenuNode? Read(NodeFields fields)
    {
        PromptList? prompts = fields["prompts"] is { } value ? fields.Values.Prompts(value, fields.Subject("prompts"), allowEmpty: false) : null;
        IReadOnlyList<MenuChoice>? choices = fields["keys"] is { } keys ? ReadChoices(keys, fields) : null;
        TimeSpan timeout = fields.DurationOr("timeout", FlowDefaults.MenuTimeout);
        int retries = fields.IntegerOr("retries", 0, MaxRetries, FlowDefaults.Retries);
        PromptList? noInput = fields.PromptsOr("no-input-prompts", FlowDefaults.NoInputPrompt, allowEmpty: true);
        PromptList? invalid = fields.PromptsOr("invalid-prompts", FlowDefaults.InvalidPrompt, allowEmpty: true);
        NodeRef? fallback = fields.Target("fallback");
        if (prompts is null || choices is null || noInput is null || invalid is null || fallback is null)
        {
            return null;
        }

        return new MenuNode(fields.Id, fields.Position, prompts, choices, timeout, retries, noInput, invalid, fallback.Value);
    }

    private static List<MenuChoice>? ReadChoices(Node node, NodeFields fields)
    {
        MappingNode? map = Expect.MappingOrEmpty(node, fields.Subject("keys"), "a mapping of phone key to node, e.g. { \"1\": sales, \"2\": support }", fields.Values.Errors);
        if (map is null)
        {
            return null;
        }

        if (map.Entries.Count == 0)
        {
            fields.Values.Report(node, $"{fields.Subject("keys")} is empty; a menu needs at least one key, e.g. {{ \"1\": sales }}");
            return null;
        }

        var choices = new List<MenuChoice>(map.Entries.Count);
        bool allRead = true;
        foreach (MappingEntry entry in map.Entries)
        {
            string key = entry.Key.Value;
            NodeRef? target = fields.Values.Target(entry.Value, $"{fields.Context}key {Describe.Quote(key)}");
            if (key.Length != 1 || !PhoneKeys.Contains(key[0]))
            {
                fields.Values.Report(entry.Key, $"{fields.Context}{Describe.Quote(key)} is not a phone key; menu keys are 0-9, * and #, each in quotes (\"1\", \"*\", \"#\")");
                allRead = false;
            }
            else if (target is { } t)
            {
                choices.Add(new MenuChoice(key[0], t));
            }
            else
            {
                allRead = false;
            }
        }

        return allRead ? choices : null;
    }
}
