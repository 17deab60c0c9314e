using System.Text;

namespace CallCenter.Routing;

/// <summary>
/// Which agents may take a contact at one expansion step: those meeting every requirement, or any one of the
/// alternatives. Built from the contact's requirements and the queue's steps so far; two contacts with the same
/// rule wait for the same agents, so they share a pool (found by <see cref="Key"/>).
/// </summary>
internal sealed class EligibilityRule
{
    private EligibilityRule(SkillRequirement[] required, SkillRequirement[] alternatives)
    {
        Required = required;
        Alternatives = alternatives;
        Key = BuildKey(required, alternatives);
    }

    public SkillRequirement[] Required { get; }

    public SkillRequirement[] Alternatives { get; }

    /// <summary>Canonical text of the rule (sorted), equal for equal rules.</summary>
    public string Key { get; }

    /// <summary>
    /// The rule at every step count, index 0 = the requirements alone, index i = after the first i
    /// <paramref name="steps"/>. Built in one pass: each step only widens what the steps before it allowed.
    /// </summary>
    public static EligibilityRule[] ForEachStep(IReadOnlyList<SkillRequirement> requirements, IReadOnlyList<ExpansionStep> steps)
    {
        var rules = new EligibilityRule[steps.Count + 1];
        int? lowered = null;
        var alternatives = new Dictionary<string, int>(StringComparer.Ordinal);
        rules[0] = Build(requirements, lowered, alternatives);
        for (int i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.MinProficiency is int min)
            {
                lowered = lowered is int current ? Math.Min(current, min) : min;
            }

            foreach (var alt in step.AlsoAccept)
            {
                alternatives[alt.Skill] = alternatives.TryGetValue(alt.Skill, out int have) ? Math.Min(have, alt.MinProficiency) : alt.MinProficiency;
            }

            rules[i + 1] = Build(requirements, lowered, alternatives);
        }

        return rules;
    }

    private static EligibilityRule Build(IReadOnlyList<SkillRequirement> requirements, int? lowered, Dictionary<string, int> alternatives)
    {
        // Steps only widen: a step's minimum replaces a requirement's only when it is lower.
        var required = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in requirements)
        {
            int min = lowered is int l ? Math.Min(l, r.MinProficiency) : r.MinProficiency;
            required[r.Skill] = required.TryGetValue(r.Skill, out int have) ? Math.Max(have, min) : min;
        }

        return new EligibilityRule(Sorted(required), Sorted(alternatives));
    }

    public bool IsMetBy(IReadOnlyDictionary<string, int> skills)
    {
        bool all = true;
        foreach (var r in Required)
        {
            if (!r.IsMetBy(skills))
            {
                all = false;
                break;
            }
        }

        if (all)
        {
            return true;
        }

        foreach (var a in Alternatives)
        {
            if (a.IsMetBy(skills))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Best-skill score: the agent's proficiency summed over every skill the rule names.</summary>
    public int Score(IReadOnlyDictionary<string, int> skills)
    {
        int score = 0;
        foreach (var r in Required)
        {
            score += skills.GetValueOrDefault(r.Skill);
        }

        foreach (var a in Alternatives)
        {
            score += skills.GetValueOrDefault(a.Skill);
        }

        return score;
    }

    private static SkillRequirement[] Sorted(Dictionary<string, int> skills) =>
        [.. skills.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new SkillRequirement(s.Key, s.Value))];

    private static string BuildKey(SkillRequirement[] required, SkillRequirement[] alternatives)
    {
        var text = new StringBuilder();
        foreach (var r in required)
        {
            text.Append(r.Skill).Append(">=").Append(r.MinProficiency).Append(';');
        }

        text.Append('|');
        foreach (var a in alternatives)
        {
            text.Append(a.Skill).Append(">=").Append(a.MinProficiency).Append(';');
        }

        return text.ToString();
    }
}
