namespace CallCenter.Routing;

/// <summary>A skill a contact needs, with the lowest proficiency (1–10) that will do.</summary>
/// <param name="Skill">Skill name, compared ordinally (e.g. "billing", "lang-tl").</param>
/// <param name="MinProficiency">Lowest acceptable proficiency, 1–10.</param>
public readonly record struct SkillRequirement(string Skill, int MinProficiency)
{
    /// <summary>Lowest proficiency an agent can have in a skill.</summary>
    public const int MinLevel = 1;

    /// <summary>Highest proficiency an agent can have in a skill.</summary>
    public const int MaxLevel = 10;

    /// <summary>True when <paramref name="skills"/> holds this skill at or above the minimum.</summary>
    public bool IsMetBy(IReadOnlyDictionary<string, int> skills) =>
        skills.TryGetValue(Skill, out int level) && level >= MinProficiency;
}
