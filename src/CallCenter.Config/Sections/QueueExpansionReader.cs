using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;

namespace CallCenter.Config.Sections;

/// <summary>Reads a queue's <c>expand:</c> list of steps, which must come in increasing time.</summary>
internal static class QueueExpansionReader
{
    private static readonly KeySet Keys = new("key", ["after", "min-proficiency", "add-skills"]);
    private static readonly TimeSpan MaxAfter = TimeSpan.FromHours(24);

    /// <param name="queue">The queue's fields.</param>
    /// <param name="skills">The queue's skills when valid, to check that min-proficiency widens anything.</param>
    public static IReadOnlyList<QueueExpansionStep> Read(Fields queue, IReadOnlyDictionary<string, int>? skills)
    {
        if (queue.Get("expand") is not { } value)
        {
            return [];
        }

        SequenceNode? list = Expect.SequenceOrEmpty(value, $"{queue.Context}expand", "a list of steps such as - { after: 30s, min-proficiency: 3 }", queue.Errors);
        if (list is null)
        {
            queue.MarkFailed();
            return [];
        }

        var steps = new List<QueueExpansionStep>(list.Items.Count);
        TimeSpan? previous = null;
        for (int i = 0; i < list.Items.Count; i++)
        {
            QueueExpansionStep? step = ReadStep(queue, list.Items[i], i + 1, previous, skills);
            if (step is null)
            {
                queue.MarkFailed();
                continue;
            }

            previous = step.After;
            steps.Add(step);
        }

        return steps;
    }

    private static QueueExpansionStep? ReadStep(Fields queue, Node item, int number, TimeSpan? previous, IReadOnlyDictionary<string, int>? skills)
    {
        string context = $"{queue.Context}expand step {number}: ";
        if (Expect.Mapping(item, context.TrimEnd(), "a mapping such as { after: 30s, min-proficiency: 3 }", queue.Errors) is not { } map)
        {
            return null;
        }

        var fields = new Fields(map, Keys, context, queue.Errors);
        TimeSpan? after = fields.Required("after") is { } afterNode
            ? fields.ReadDuration(afterNode, "after", TimeSpan.FromSeconds(1), MaxAfter)
            : null;
        int? minProficiency = fields.Get("min-proficiency") is null
            ? null
            : fields.Integer("min-proficiency", SkillsReader.MinProficiency, SkillsReader.MaxProficiency, 0);
        IReadOnlyList<string> addSkills = ReadSkillList(fields);

        if (fields.Get("min-proficiency") is null && fields.Get("add-skills") is null)
        {
            queue.Errors.Add(map.Start, $"{context}does nothing; give min-proficiency, add-skills or both");
            return null;
        }

        if (after is { } time && previous is { } earlier && time <= earlier)
        {
            fields.Report(fields.Get("after")!, $"after {DurationText.Format(time)} must be later than the step before it ({DurationText.Format(earlier)}); list the steps in increasing time");
        }

        // A step that lowers no minimum is a typo for a lower number or a forgotten skill level.
        int highest = skills is { Count: > 0 } ? skills.Values.Max() : int.MaxValue;
        if (minProficiency is { } level and > 0 && level >= highest)
        {
            fields.Report(fields.Get("min-proficiency")!, $"min-proficiency {level} lowers nothing: no skill of the queue needs more than {highest}");
        }

        return fields.Failed || after is null ? null : new QueueExpansionStep(after.Value, minProficiency, addSkills);
    }

    private static IReadOnlyList<string> ReadSkillList(Fields fields)
    {
        if (fields.Get("add-skills") is not { } value)
        {
            return [];
        }

        SequenceNode? list = Expect.SequenceOrEmpty(value, $"{fields.Context}add-skills", "a list of skill names such as [general]", fields.Errors);
        if (list is null)
        {
            fields.MarkFailed();
            return [];
        }

        var skills = new List<string>(list.Items.Count);
        foreach (Node item in list.Items)
        {
            if (item is ScalarNode { Type: ScalarType.Text } scalar && Tokens.IsSkillName(scalar.Value))
            {
                skills.Add(scalar.Value);
                continue;
            }

            fields.Report(item, $"add-skills item must be a skill name: lowercase letters, digits and '-', such as general (found {Describe.Found(item)})");
        }

        return skills;
    }
}
