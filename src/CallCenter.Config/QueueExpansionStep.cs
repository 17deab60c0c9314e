namespace CallCenter.Config;

/// <summary>
/// Widens who may take a waiting call once it has waited <see cref="After"/>: a lower minimum
/// proficiency, more acceptable skills, or both.
/// </summary>
/// <param name="After">Wait time at which the step applies; steps are in increasing order.</param>
/// <param name="MinProficiency">When set, every skill of the queue needs only this proficiency (1–10).</param>
/// <param name="AddSkills">Skills whose agents may also take the call.</param>
public sealed record QueueExpansionStep(TimeSpan After, int? MinProficiency, IReadOnlyList<string> AddSkills);
