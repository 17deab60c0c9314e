using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;
using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Runtime;

namespace CallCenter.Ivr.Loading;

/// <summary>Reads a <c>type: set</c> node: <c>values: { name: value, ... }</c>.</summary>
internal static class SetReader
{
    public static SetNode? Read(NodeFields fields)
    {
        IReadOnlyList<VariableAssignment>? assignments = fields["values"] is { } value ? ReadValues(value, fields) : null;
        NodeRef? next = fields.Target("next");
        return assignments is null || next is null ? null : new SetNode(fields.Id, fields.Position, assignments, next.Value);
    }

    private static List<VariableAssignment>? ReadValues(Node node, NodeFields fields)
    {
        FlowValues values = fields.Values;
        MappingNode? map = Expect.MappingOrEmpty(node, fields.Subject("values"), "a mapping of variable to value, e.g. { language: en }", values.Errors);
        if (map is null)
        {
            return null;
        }

        if (map.Entries.Count == 0)
        {
            values.Report(node, $"{fields.Subject("values")} is empty; set at least one variable, e.g. {{ language: en }}");
            return null;
        }

        var assignments = new List<VariableAssignment>(map.Entries.Count);
        foreach (MappingEntry entry in map.Entries)
        {
            string? name = values.WritableVariable(entry.Key, $"{fields.Context}variable");
            if (name is null)
            {
                continue;
            }

            string subject = $"{fields.Context}{Describe.Quote(name)}";
            string? text = values.Template(entry.Value, subject, "a value");
            if (text is not null && IsAllowedValue(name, text, entry.Value, subject, values))
            {
                assignments.Add(new VariableAssignment(name, text, FlowValues.At(entry.Key)));
            }
        }

        return assignments.Count == map.Entries.Count ? assignments : null;
    }

    /// <summary>The variables the runtime reads get their form checked now, unless the value comes from variables.</summary>
    private static bool IsAllowedValue(string name, string text, Node node, string subject, FlowValues values)
    {
        if (TemplateText.HasVariables(text))
        {
            return true;
        }

        switch (name)
        {
            case FlowVariables.Language when !LanguageCode.IsValid(text):
                values.Report(node, $"{subject} must be a language code such as en, tl or ms (found {Describe.Found(node)})");
                return false;
            case FlowVariables.Priority:
                return values.Integer(node, subject, QueueRequest.MinPriority, QueueRequest.MaxPriority) is not null;
            case FlowVariables.Skills when !text.Split(',').All(s => Tokens.IsSkillName(s.Trim())):
                values.Report(node, $"{subject} must be skill names separated by commas, in lowercase letters, digits and '-' (found {Describe.Found(node)})");
                return false;
            default:
                return true;
        }
    }
}
