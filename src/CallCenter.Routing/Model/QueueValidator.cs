namespace CallCenter.Routing;

/// <summary>
/// The engine's own guard on the definitions it is built from (every problem at once). The YAML checks with file
/// positions live in CallCenter.Config's queue section; this checks the model, which code and tests build directly.
/// </summary>
public static class QueueValidator
{
    /// <summary>Every problem found, one sentence each; empty when the queues are usable.</summary>
    public static IReadOnlyList<string> Validate(IEnumerable<QueueDefinition> queues)
    {
        var errors = new List<string>();
        var all = queues.ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in all)
        {
            if (!ids.Add(q.Id))
            {
                errors.Add($"Queue '{q.Id}' is defined more than once.");
            }
        }

        foreach (var q in all)
        {
            CheckQueue(q, ids, errors);
        }

        return errors;
    }

    /// <summary>Problems with one set of skill requirements (proficiency outside 1–10, empty skill name).</summary>
    public static IEnumerable<string> CheckRequirements(string owner, IEnumerable<SkillRequirement> requirements)
    {
        foreach (var r in requirements)
        {
            if (string.IsNullOrWhiteSpace(r.Skill))
            {
                yield return $"{owner} has a requirement with no skill name.";
            }
            else if (r.MinProficiency is < SkillRequirement.MinLevel or > SkillRequirement.MaxLevel)
            {
                yield return $"{owner}: minimum proficiency of '{r.Skill}' is {r.MinProficiency}, not within 1–10.";
            }
        }
    }

    private static void CheckQueue(QueueDefinition q, HashSet<string> ids, List<string> errors)
    {
        string owner = $"Queue '{q.Id}'";
        errors.AddRange(CheckRequirements(owner, q.Requirements));
        if (q.RingTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{owner}: ring timeout must be positive.");
        }

        if (q.MaxConsecutiveMisses < 1)
        {
            errors.Add($"{owner}: maximum consecutive misses must be at least 1.");
        }

        if (q.WrapUp < TimeSpan.Zero || q.RejectDelay < TimeSpan.Zero)
        {
            errors.Add($"{owner}: wrap-up and reject delay cannot be negative.");
        }

        if (q.MaxWait is { } maxWait && maxWait <= TimeSpan.Zero)
        {
            errors.Add($"{owner}: maximum wait must be positive.");
        }

        if (q.ServiceLevel.Fraction is < 0 or > 1)
        {
            errors.Add($"{owner}: service-level fraction must be within 0–1.");
        }

        CheckFallback(owner, "maximum-wait action", q.WhenMaxWait, ids, errors);
        CheckFallback(owner, "nobody-logged-in action", q.WhenNobodyLoggedIn, ids, errors);
        foreach (var step in q.Expansion)
        {
            if (step.After < TimeSpan.Zero)
            {
                errors.Add($"{owner}: an expansion step has a negative time.");
            }

            if (step.MinProficiency is < SkillRequirement.MinLevel or > SkillRequirement.MaxLevel)
            {
                errors.Add($"{owner}: expansion minimum proficiency {step.MinProficiency} is not within 1–10.");
            }

            errors.AddRange(CheckRequirements(owner + " expansion", step.AlsoAccept));
        }
    }

    private static void CheckFallback(string owner, string what, QueueFallback fallback, HashSet<string> ids, List<string> errors)
    {
        if (fallback.Action == FallbackAction.Overflow && (fallback.OverflowQueueId is null || !ids.Contains(fallback.OverflowQueueId)))
        {
            errors.Add($"{owner}: {what} overflows to unknown queue '{fallback.OverflowQueueId}'.");
        }
    }
}
