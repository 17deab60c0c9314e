namespace CallCenter.Routing.Tests.Properties;

/// <summary>
/// An independent statement of who may take a contact when, written from the rules rather than from the
/// engine's pools, so the checks below do not trust the code they check.
/// </summary>
internal static class Eligibility
{
    /// <summary>Expansion steps in force for <paramref name="contact"/> at <paramref name="at"/> (counted from the original arrival).</summary>
    public static int StepAt(WaitingContact contact, QueueDefinition queue, DateTimeOffset at) =>
        queue.Expansion.Count(s => contact.ArrivedAt + s.After <= at);

    public static bool IsEligible(IReadOnlyDictionary<string, int> skills, WaitingContact contact, QueueDefinition queue, DateTimeOffset at)
    {
        var inForce = queue.Expansion.Where(s => contact.ArrivedAt + s.After <= at).ToList();
        int lowered = inForce.Select(s => s.MinProficiency ?? int.MaxValue).DefaultIfEmpty(int.MaxValue).Min();
        var requirements = contact.Requirements ?? queue.Requirements;
        bool meetsAll = requirements.All(r => skills.GetValueOrDefault(r.Skill) >= Math.Min(r.MinProficiency, lowered));
        bool meetsAlternative = inForce.SelectMany(s => s.AlsoAccept).Any(r => skills.GetValueOrDefault(r.Skill) >= r.MinProficiency);
        return meetsAll || meetsAlternative;
    }

    /// <summary>True when <paramref name="a"/> is ahead of <paramref name="b"/> in line: priority, then arrival, then id.</summary>
    public static bool IsAhead(WaitingContact a, WaitingContact b)
    {
        if (a.Priority != b.Priority)
        {
            return a.Priority > b.Priority;
        }

        return a.ArrivedAt != b.ArrivedAt ? a.ArrivedAt < b.ArrivedAt : string.CompareOrdinal(a.Id, b.Id) < 0;
    }
}
