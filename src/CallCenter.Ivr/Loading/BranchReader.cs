using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;
using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Loading;

/// <summary>Reads a <c>type: branch</c> node: <c>rules:</c> (each <c>if:</c> conditions, <c>goto:</c> node) and <c>else:</c>.</summary>
internal static class BranchReader
{
    public static BranchNode? Read(NodeFields fields)
    {
        IReadOnlyList<BranchRule>? rules = fields["rules"] is { } value ? ReadRules(value, fields) : null;
        NodeRef? otherwise = fields.Target("else");
        return rules is null || otherwise is null ? null : new BranchNode(fields.Id, fields.Position, rules, otherwise.Value);
    }

    private static List<BranchRule>? ReadRules(Node node, NodeFields fields)
    {
        FlowValues values = fields.Values;
        SequenceNode? list = Expect.SequenceOrEmpty(node, fields.Subject("rules"), "a list of rules, each with \"if\" and \"goto\"", values.Errors);
        if (list is null)
        {
            return null;
        }

        if (list.Items.Count == 0)
        {
            values.Report(node, $"{fields.Subject("rules")} is empty; a branch needs at least one rule with \"if\" and \"goto\"");
            return null;
        }

        var rules = new List<BranchRule>(list.Items.Count);
        for (int i = 0; i < list.Items.Count; i++)
        {
            if (ReadRule(list.Items[i], $"{fields.Context}rule {i + 1}: ", values) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return rules.Count == list.Items.Count ? rules : null;
    }

    private static BranchRule? ReadRule(Node node, string context, FlowValues values)
    {
        MappingNode? map = Expect.MappingOrEmpty(node, context.TrimEnd(' ', ':'), "a mapping with \"if\" and \"goto\"", values.Errors);
        if (map is null)
        {
            return null;
        }

        Dictionary<string, MappingEntry> found = FlowFormat.Rule.Check(map, FlowFormat.Rule.Allowed, context, values.Errors);

        IReadOnlyList<BranchCondition>? conditions = found.TryGetValue("if", out MappingEntry? condition)
            ? ConditionReader.Read(condition.Value, context, values)
            : null;
        NodeRef? target = found.TryGetValue("goto", out MappingEntry? goTo) ? values.Target(goTo.Value, context + "\"goto\"") : null;
        return conditions is null || target is null ? null : new BranchRule(conditions, target.Value, FlowValues.At(map));
    }
}
