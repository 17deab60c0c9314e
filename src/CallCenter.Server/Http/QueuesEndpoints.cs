using CallCenter.Calls.Routing;
using Microsoft.AspNetCore.Mvc;

namespace CallCenter.Server.Http;

/// <summary><c>GET /api/queues</c>: every queue's live figures.</summary>
public static class QueuesEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static void MapQueues(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/queues", async ([FromServices] IContactCentre centre) =>
                TypedResults.Ok((await centre.GetQueuesAsync().ConfigureAwait(false)).Select(QueueView.From).ToList()))
            .WithTags("queues")
            .WithName("ListQueues")
            .WithSummary("Every configured queue with its live figures, in configuration order.");
    }
}
