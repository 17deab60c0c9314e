using CallCenter.Calls.Routing;
using CallCenter.Routing;
using CallCenter.Server.Agents;
using CallCenter.Store;
using Microsoft.AspNetCore.Mvc;

namespace CallCenter.Server.Http;

/// <summary>
/// <c>/api/agents</c>: every agent with its live state, one agent, a state change (log in, log out, pause with a
/// reason, unpause) and the agent's state history.
/// </summary>
public static class AgentsEndpoints
{
    /// <summary>History period when the query gives no <c>from</c>: this long before <c>to</c>.</summary>
    public static readonly TimeSpan DefaultHistorySpan = TimeSpan.FromDays(1);

    /// <summary>Maps the endpoints.</summary>
    public static void MapAgents(this IEndpointRouteBuilder app)
    {
        var agents = app.MapGroup("/api/agents").WithTags("agents");

        agents.MapGet("/", async ([FromServices] IContactCentre centre) =>
                TypedResults.Ok((await centre.GetAgentsAsync().ConfigureAwait(false)).Select(AgentView.From).ToList()))
            .WithName("ListAgents")
            .WithSummary("Every configured agent with its live state, in configuration order.");

        agents.MapGet("/{extension}", async (string extension, [FromServices] IContactCentre centre) =>
                await AgentLookup.FindAsync(centre, extension).ConfigureAwait(false) is { } agent
                    ? Results.Ok(AgentView.From(agent))
                    : AgentLookup.Unknown(extension))
            .WithName("GetAgent")
            .WithSummary("One agent with its live state.")
            .Produces<AgentView>()
            .ProducesProblems(StatusCodes.Status404NotFound);

        agents.MapPut("/{extension}/state", ChangeStateAsync)
            .WithName("ChangeAgentState")
            .WithSummary("Logs the agent in (available), out (logged-out), pauses it with a reason (paused) or ends its pause (available).")
            .Accepts<AgentStateRequest>("application/json")
            .Produces<AgentView>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType);

        agents.MapGet("/{extension}/history", HistoryAsync)
            .WithName("GetAgentHistory")
            .WithSummary("The agent's state changes with from ≤ time < to (ISO 8601; to defaults to now, from to a day before to), oldest first.")
            .Produces<AgentHistoryView>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ChangeStateAsync(string extension, HttpRequest request, [FromServices] IContactCentre centre)
    {
        var body = await JsonBody.ReadAsync<AgentStateRequest>(request).ConfigureAwait(false);
        if (body.Problem is { } badBody)
        {
            return badBody;
        }

        if (!AgentStateRequestRules.TryValidate(body.Value!, out var requested, out var reason, out var invalid))
        {
            return invalid!;
        }

        if (await AgentLookup.FindAsync(centre, extension).ConfigureAwait(false) is not { } agent)
        {
            return AgentLookup.Unknown(extension);
        }

        // The state the agent is already in (a retried request, a second click) changes nothing and is no conflict.
        if (agent.State == requested && (requested != AgentState.Paused || agent.PauseReason == reason))
        {
            return TypedResults.Ok(AgentView.From(agent));
        }

        var command = AgentStateRequestRules.CommandFor(agent.State, requested);
        var result = await centre.ChangeAgentStateAsync(extension, command, reason).ConfigureAwait(false);
        return result switch
        {
            { Applied: true, Agent: { } changed } => TypedResults.Ok(AgentView.From(changed)),
            { Agent: null } => AgentLookup.Unknown(extension),
            _ => ApiProblem.Conflict($"agent {extension} is {AgentStateNames.Name(result.Agent.State)}: {result.Error}"),
        };
    }

    private static async Task<IResult> HistoryAsync(
        string extension,
        string? from,
        string? to,
        [FromServices] IContactCentre centre,
        [FromServices] AgentStateLog log,
        [FromServices] TimeProvider time)
    {
        if (!TryParseInstant(to, time.GetUtcNow(), out var end))
        {
            return ApiProblem.InvalidField("to", $"'{to}' is not an ISO 8601 date and time (e.g. 2026-11-24T13:00:00Z)");
        }

        if (!TryParseInstant(from, end - DefaultHistorySpan, out var start))
        {
            return ApiProblem.InvalidField("from", $"'{from}' is not an ISO 8601 date and time (e.g. 2026-11-24T13:00:00Z)");
        }

        if (start > end)
        {
            return ApiProblem.InvalidField("from", "must not be after to");
        }

        if (await AgentLookup.FindAsync(centre, extension).ConfigureAwait(false) is null)
        {
            return AgentLookup.Unknown(extension);
        }

        var changes = log.Query(extension, start, end).Select(AgentHistoryEntryView.From).ToList();
        return TypedResults.Ok(new AgentHistoryView(extension, start, end, changes));
    }

    private static bool TryParseInstant(string? text, DateTimeOffset fallback, out DateTimeOffset instant)
    {
        if (string.IsNullOrEmpty(text))
        {
            instant = fallback;
            return true;
        }

        return IsoInstant.TryParse(text, out instant);
    }
}
