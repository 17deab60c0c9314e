using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Runtime.Nodes;

/// <summary>Evaluates one condition of a branch rule against a run.</summary>
internal static class BranchConditions
{
    public static bool Holds(BranchCondition condition, FlowRun run) => condition switch
    {
        VariableCondition variable => Holds(variable, run.Variables),
        CallerCondition caller => caller.Pattern.IsMatch(run.Variables.GetValueOrNull(FlowVariables.Caller) ?? string.Empty),
        CalendarCondition calendar => IsOpen(calendar.Calendar, run) == calendar.Open,
        AgentsAvailableCondition agents => run.Host.AgentsAvailable(VariableTemplate.Expand(agents.Skill, run.Variables)),
        CallbackPendingCondition pending => run.Host.CallbackPending() == pending.Pending,
        _ => false,
    };

    private static bool Holds(VariableCondition condition, CallVariables variables)
    {
        string? value = variables.GetValueOrNull(condition.Variable);
        return condition.Test switch
        {
            VariableTest.Equals => value is not null && EqualsValue(value, condition, variables),
            VariableTest.NotEquals => value is null || !EqualsValue(value, condition, variables),
            VariableTest.IsSet => !string.IsNullOrEmpty(value),
            _ => value is not null && condition.Pattern is { } pattern && pattern.IsMatch(value),
        };
    }

    private static bool EqualsValue(string value, VariableCondition condition, CallVariables variables) =>
        string.Equals(value, VariableTemplate.Expand(condition.Value ?? string.Empty, variables), StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the flow's calendar says the business is open now (by the call's clock); an unknown calendar is closed.</summary>
    private static bool IsOpen(string name, FlowRun run) =>
        run.Flow.Calendars.TryGetValue(name, out var calendar) && calendar.IsOpen(run.Host.Time.GetUtcNow());
}
