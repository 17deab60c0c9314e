using CallCenter.Calls.Routing;
using CallCenter.Routing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Server.Http;

/// <summary>
/// Checks a <see cref="AgentStateRequest"/> and turns it into the <see cref="AgentStateCommand"/> it means for the
/// agent's current state.
/// </summary>
public static class AgentStateRequestRules
{
    /// <summary>The longest pause reason accepted (it is logged and shown to supervisors).</summary>
    public const int MaxReasonLength = 100;

    /// <summary>The states a request may ask for, as written in JSON.</summary>
    public static readonly IReadOnlyList<string> AllowedStates = ["available", "logged-out", "paused"];

    /// <summary>
    /// The state asked for, or the 400 problem saying which field is wrong and what is allowed. The reason is
    /// trimmed; it is required for <c>paused</c>.
    /// </summary>
    public static bool TryValidate(AgentStateRequest request, out AgentState requested, out string? reason, out ValidationProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        requested = default;
        reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        problem = null;
        switch (request.State)
        {
            case "available":
                requested = AgentState.Available;
                break;
            case "logged-out":
                requested = AgentState.LoggedOut;
                break;
            case "paused":
                requested = AgentState.Paused;
                break;
            default:
                problem = ApiProblem.NotOneOf("state", request.State, AllowedStates);
                return false;
        }

        if (requested == AgentState.Paused && reason is null)
        {
            problem = ApiProblem.InvalidField("reason", "is required when state is paused (e.g. \"break\", \"training\")");
            return false;
        }

        if (reason is { Length: > MaxReasonLength })
        {
            problem = ApiProblem.InvalidField("reason", $"must be at most {MaxReasonLength} characters");
            return false;
        }

        return true;
    }

    /// <summary>
    /// The command that moves an agent now in <paramref name="current"/> to <paramref name="requested"/>:
    /// <c>available</c> ends a pause, or logs in an agent in any other state (routing refuses what makes no sense).
    /// </summary>
    public static AgentStateCommand CommandFor(AgentState current, AgentState requested) => requested switch
    {
        AgentState.Paused => AgentStateCommand.Pause,
        AgentState.LoggedOut => AgentStateCommand.LogOut,
        _ when current == AgentState.Paused => AgentStateCommand.Unpause,
        _ => AgentStateCommand.LogIn,
    };
}
