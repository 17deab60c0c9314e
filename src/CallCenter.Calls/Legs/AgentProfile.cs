namespace CallCenter.Calls.Legs;

/// <summary>An agent as routing sees it: the extension its softphone registers, its name and its skills.</summary>
/// <param name="Extension">SIP user name the softphone registers with.</param>
/// <param name="Name">Shown to the agent's phone as the display name of the call's To.</param>
/// <param name="Skills">Skill name (e.g. <c>billing</c>, <c>lang-en</c>) to proficiency; a skill counts when it is above 0.</param>
public sealed record AgentProfile(string Extension, string Name, IReadOnlyDictionary<string, int> Skills)
{
    /// <summary>True when the agent has <paramref name="skill"/> with a proficiency above 0.</summary>
    public bool Has(string skill) => Skills.TryGetValue(skill, out int proficiency) && proficiency > 0;

    /// <summary>True when the agent has every one of <paramref name="skills"/> (always, when there are none).</summary>
    public bool HasAll(IReadOnlyList<string> skills)
    {
        foreach (string skill in skills)
        {
            if (!Has(skill))
            {
                return false;
            }
        }

        return true;
    }
}
