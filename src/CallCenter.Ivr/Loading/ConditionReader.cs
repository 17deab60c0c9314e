using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;
using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Loading;

/// <summary>
/// Reads the <c>if:</c> mapping of a branch rule. Each key is one condition (<c>open</c>, <c>closed</c>,
/// <c>caller</c>, <c>agents-available</c>, <c>callback-pending</c>), except <c>variable</c>, which takes exactly one test key beside it
/// (<c>equals</c>, <c>not-equals</c>, <c>is-set</c>, <c>matches</c>).
/// </summary>
internal static class ConditionReader
{
    private const string IfShape = "a mapping of conditions, e.g. { open: business-hours } or { variable: language, equals: tl }";

    public static List<BranchCondition>? Read(Node node, string context, FlowValues values)
    {
        string subject = context + "\"if\"";
        MappingNode? map = Expect.MappingOrEmpty(node, subject, IfShape, values.Errors);
        if (map is null)
        {
            return null;
        }

        if (map.Entries.Count == 0)
        {
            values.Report(node, $"{subject} is empty; it must be {IfShape}");
            return null;
        }

        FlowFormat.Condition.ReportUnknown(map, context, values.Errors);
        Dictionary<string, MappingEntry> found = FlowFormat.Condition.Find(map);
        var conditions = new List<BranchCondition>();
        bool allRead = map.Entries.Count == found.Count;
        foreach (MappingEntry entry in map.Entries.Where(e => found.ContainsKey(e.Key.Value)))
        {
            // The tests are read with their "variable"; alone they are reported by ReadVariable's absence check.
            if (FlowFormat.VariableTests.Contains(entry.Key.Value))
            {
                continue;
            }

            BranchCondition? condition = ReadOne(entry, found, context, values);
            allRead &= condition is not null;
            if (condition is not null)
            {
                conditions.Add(condition);
            }
        }

        if (!found.ContainsKey("variable"))
        {
            foreach (string test in FlowFormat.VariableTests.Where(found.ContainsKey))
            {
                values.Report(found[test].Key, $"{context}\"{test}\" needs \"variable: NAME\" beside it to say which variable it tests");
                allRead = false;
            }
        }

        return allRead ? conditions : null;
    }

    private static BranchCondition? ReadOne(MappingEntry entry, Dictionary<string, MappingEntry> found, string context, FlowValues values)
    {
        string key = entry.Key.Value;
        string subject = $"{context}\"{key}\"";
        var position = FlowValues.At(entry.Key);
        return key switch
        {
            "open" or "closed" => values.Identifier(entry.Value, subject, "the name of a calendar under \"calendars\"") is { } calendar
                ? new CalendarCondition(position, calendar, key == "open")
                : null,
            "caller" => values.Pattern(entry.Value, subject) is { } pattern ? new CallerCondition(position, pattern) : null,
            "agents-available" => values.Skill(entry.Value, subject) is { } skill ? new AgentsAvailableCondition(position, skill) : null,
            "callback-pending" => values.Boolean(entry.Value, subject) is { } pending ? new CallbackPendingCondition(position, pending) : null,
            _ => ReadVariable(entry, found, context, values),
        };
    }

    private static VariableCondition? ReadVariable(MappingEntry entry, Dictionary<string, MappingEntry> found, string context, FlowValues values)
    {
        string? variable = values.Identifier(entry.Value, $"{context}\"variable\"", "a variable name");
        string[] tests = [.. FlowFormat.VariableTests.Where(found.ContainsKey)];
        if (tests.Length != 1)
        {
            string problem = tests.Length == 0 ? "needs" : "takes only one of";
            values.Report(entry.Key, $"{context}\"variable\" {problem} {string.Join(", ", FlowFormat.VariableTests)} beside it");
            return null;
        }

        MappingEntry test = found[tests[0]];
        string subject = $"{context}\"{tests[0]}\"";
        var position = FlowValues.At(entry.Key);
        switch (tests[0])
        {
            case "is-set":
                bool? isSet = values.Boolean(test.Value, subject);
                if (isSet == false)
                {
                    values.Report(test.Value, $"{subject} can only be true (the rule then holds when the variable has a value; calls without one go on to the next rule)");
                    return null;
                }

                return variable is null || isSet is null ? null : new VariableCondition(position, variable, VariableTest.IsSet, null, null);
            case "matches":
                DigitPattern? pattern = values.Pattern(test.Value, subject);
                return variable is null || pattern is null ? null : new VariableCondition(position, variable, VariableTest.Matches, null, pattern);
            default:
                string? value = test.Value is ScalarNode { Type: not ScalarType.Null } scalar ? scalar.Value : null;
                if (value is null && test.Value is not UnreadableNode)
                {
                    values.Report(test.Value, $"{subject} must be a single value to compare with (found {Describe.Found(test.Value)}; write \"\" for empty text)");
                }

                var kind = tests[0] == "equals" ? VariableTest.Equals : VariableTest.NotEquals;
                return variable is null || value is null ? null : new VariableCondition(position, variable, kind, value, null);
        }
    }
}
