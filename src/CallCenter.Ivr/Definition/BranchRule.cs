namespace CallCenter.Ivr.Definition;

/// <summary>One rule of a <c>branch</c> node: when every condition holds, go to <see cref="Target"/>.</summary>
/// <param name="Conditions">The conditions (all must hold).</param>
/// <param name="Target">Where to go.</param>
/// <param name="Position">Where the rule is written.</param>
public sealed record BranchRule(IReadOnlyList<BranchCondition> Conditions, NodeRef Target, FlowPosition Position)
{
    /// <summary>The rule in words, for the flowchart.</summary>
    public string Describe() => string.Join(" and ", Conditions.Select(c => c.Describe()));
}

/// <summary>A condition of a branch rule.</summary>
/// <param name="Position">Where it is written.</param>
public abstract record BranchCondition(FlowPosition Position)
{
    /// <summary>The condition in words, for the flowchart.</summary>
    public abstract string Describe();
}

/// <summary>How a variable is compared.</summary>
public enum VariableTest
{
    /// <summary>Equal to the value (ordinal, case-insensitive).</summary>
    Equals,

    /// <summary>Not equal to the value.</summary>
    NotEquals,

    /// <summary>Set and not empty.</summary>
    IsSet,

    /// <summary>Matches the whole pattern.</summary>
    Matches,
}

/// <summary><c>variable: NAME</c> with <c>equals</c>, <c>not-equals</c>, <c>is-set</c> or <c>matches</c>.</summary>
public sealed record VariableCondition(FlowPosition Position, string Variable, VariableTest Test, string? Value, DigitPattern? Pattern)
    : BranchCondition(Position)
{
    public override string Describe() => Test switch
    {
        VariableTest.Equals => $"{Variable} = {Value}",
        VariableTest.NotEquals => $"{Variable} ≠ {Value}",
        VariableTest.IsSet => $"{Variable} is set",
        _ => $"{Variable} matches {Pattern}",
    };
}

/// <summary><c>caller: PATTERN</c> — the caller's number matches the whole pattern.</summary>
public sealed record CallerCondition(FlowPosition Position, DigitPattern Pattern) : BranchCondition(Position)
{
    public override string Describe() => $"caller matches {Pattern}";
}

/// <summary><c>open: CALENDAR</c> or <c>closed: CALENDAR</c> — whether a calendar says the business is open now.</summary>
public sealed record CalendarCondition(FlowPosition Position, string Calendar, bool Open) : BranchCondition(Position)
{
    public override string Describe() => (Open ? "open " : "closed ") + Calendar;
}

/// <summary><c>agents-available: SKILL</c> — at least one agent with the skill is logged in.</summary>
public sealed record AgentsAvailableCondition(FlowPosition Position, string Skill) : BranchCondition(Position)
{
    public override string Describe() => $"agents with {Skill} logged in";
}
