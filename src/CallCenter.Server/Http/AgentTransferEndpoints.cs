using CallCenter.Calls.Routing;
using CallCenter.Routing;
using CallCenter.Server.Agents;
using Microsoft.AspNetCore.Mvc;

namespace CallCenter.Server.Http;

/// <summary>
/// <c>POST /api/agents/{extension}/transfer</c>: an agent's call goes back through routing to another queue, never
/// blind to a named person. The agent's leg ends (wrap-up follows) and the caller waits in the new queue without
/// hearing the IVR again; the caller's context stays with the call.
/// </summary>
public static class AgentTransferEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static void MapAgentTransfer(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/agents/{extension}/transfer", TransferAsync)
            .WithTags("agents")
            .WithName("TransferAgentCall")
            .WithSummary("Sends the agent's current call back through routing to another queue; 202 once routing has it.")
            .Accepts<AgentTransferRequest>("application/json")
            .Produces<AgentTransferView>(StatusCodes.Status202Accepted)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<IResult> TransferAsync(
        string extension,
        HttpRequest request,
        [FromServices] IContactCentre centre,
        [FromServices] IQueueRouter router)
    {
        var body = await JsonBody.ReadAsync<AgentTransferRequest>(request).ConfigureAwait(false);
        if (body.Problem is { } badBody)
        {
            return badBody;
        }

        var queues = (await centre.GetQueuesAsync().ConfigureAwait(false)).Select(q => q.Name).ToList();
        if (body.Value!.Queue is not { } queue || !queues.Contains(queue, StringComparer.Ordinal))
        {
            return ApiProblem.NotOneOf("queue", body.Value.Queue, queues);
        }

        if (await AgentLookup.FindAsync(centre, extension).ConfigureAwait(false) is not { } agent)
        {
            return AgentLookup.Unknown(extension);
        }

        if (agent.State != AgentState.OnCall || agent.ContactId is not { } contactId)
        {
            return ApiProblem.Conflict($"agent {extension} is {AgentStateNames.Name(agent.State)}, not on a call: there is nothing to transfer");
        }

        // The queue's own requirements apply: a transfer names where the caller needs to go, not whom they reach.
        router.Transfer(contactId, queue, requirements: null);
        return TypedResults.Accepted((string?)null, new AgentTransferView(extension, contactId, queue));
    }
}

/// <summary>Body of <c>POST /api/agents/{extension}/transfer</c>.</summary>
public sealed class AgentTransferRequest
{
    /// <summary>The queue the caller should wait in next (one of <c>GET /api/queues</c>).</summary>
    public string? Queue { get; init; }
}

/// <summary>A transfer routing has taken.</summary>
/// <param name="Extension">The agent whose call is transferred.</param>
/// <param name="ContactId">The caller's contact (call id).</param>
/// <param name="Queue">Where the caller waits now.</param>
public sealed record AgentTransferView(string Extension, string ContactId, string Queue);
