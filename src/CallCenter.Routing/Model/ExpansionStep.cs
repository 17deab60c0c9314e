namespace CallCenter.Routing;

/// <summary>
/// One ring of a queue's "bullseye": once a contact has waited <see cref="After"/> (counted from its original
/// arrival), the pool of acceptable agents widens. Steps only ever widen the pool: a lower minimum replaces a
/// requirement's minimum only when it is lower, and extra skills are added as alternatives to the requirements.
/// </summary>
/// <param name="After">Wait after which this step applies.</param>
/// <param name="MinProficiency">New minimum proficiency for every required skill, or null to keep them.</param>
/// <param name="AlsoAccept">Skills that, from this step on, qualify an agent on their own (e.g. the general skill).</param>
public sealed record ExpansionStep(TimeSpan After, int? MinProficiency, IReadOnlyList<SkillRequirement> AlsoAccept)
{
    /// <summary>A step that only lowers the minimum proficiency.</summary>
    public static ExpansionStep LowerMinimum(TimeSpan after, int minProficiency) => new(after, minProficiency, []);

    /// <summary>A step that only accepts more skills.</summary>
    public static ExpansionStep Accept(TimeSpan after, params SkillRequirement[] skills) => new(after, null, skills);
}
