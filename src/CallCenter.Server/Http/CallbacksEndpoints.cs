using CallCenter.Calls.Callbacks;
using Microsoft.AspNetCore.Mvc;

namespace CallCenter.Server.Http;

/// <summary>
/// <c>/api/callbacks</c>: the pending callbacks, cancelling one, and moving one's next try. Without a <c>callbacks:</c>
/// section in the configuration there are none (the list is empty, every id is unknown).
/// </summary>
public static class CallbacksEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapCallbacks(this IEndpointRouteBuilder app)
    {
        var callbacks = app.MapGroup("/api/callbacks").WithTags("callbacks");

        callbacks.MapGet("/", ([FromServices] IServiceProvider services) =>
                TypedResults.Ok(services.GetService<CallbackDesk>()?.ListPending().Select(CallbackView.From).ToList() ?? []))
            .WithName("ListCallbacks")
            .WithSummary("Pending callbacks in the order they are served (priority, then the caller's original arrival), with where each is now.");

        callbacks.MapDelete("/{id:long}", (long id, [FromServices] IServiceProvider services) =>
                services.GetService<CallbackDesk>()?.Cancel(id, "cancelled through the API") == CallbackChange.Done
                    ? Results.NoContent()
                    : Unknown(id))
            .WithName("CancelCallback")
            .WithSummary("Cancels a pending callback: it leaves the line and is not made.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(StatusCodes.Status404NotFound);

        callbacks.MapPost("/{id:long}/reschedule", RescheduleAsync)
            .WithName("RescheduleCallback")
            .WithSummary("Moves a pending callback's next try to `at` (ISO 8601; a time without an offset is UTC). Until then it is out of line; then it comes back in its original place.")
            .Accepts<RescheduleRequest>("application/json")
            .Produces<CallbackView>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<IResult> RescheduleAsync(long id, HttpRequest request, [FromServices] IServiceProvider services)
    {
        var body = await JsonBody.ReadAsync<RescheduleRequest>(request).ConfigureAwait(false);
        if (body.Problem is { } badBody)
        {
            return badBody;
        }

        if (!TryParseAt(body.Value!.At, out var at, out var problem))
        {
            return problem!;
        }

        if (services.GetService<CallbackDesk>() is not { } desk)
        {
            return Unknown(id);
        }

        return desk.Reschedule(id, at) switch
        {
            CallbackChange.Done when desk.ListPending().FirstOrDefault(c => c.Record.Id == id) is { } pending => TypedResults.Ok(CallbackView.From(pending)),
            CallbackChange.InProgress => ApiProblem.Conflict($"callback {id} is being made now (an agent is on it); it cannot be moved"),
            _ => Unknown(id),
        };
    }

    private static bool TryParseAt(string? text, out DateTimeOffset at, out IResult? problem)
    {
        const string Example = "an ISO 8601 date and time, e.g. 2026-11-24T15:00:00Z";
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            at = default;
            problem = ApiProblem.InvalidField("at", "is required: " + Example);
            return false;
        }

        if (!IsoInstant.TryParse(text, out at))
        {
            problem = ApiProblem.InvalidField("at", $"'{text}' is not {Example}");
            return false;
        }

        return true;
    }

    private static IResult Unknown(long id) => ApiProblem.NotFound($"no pending callback has id {id}");
}

/// <summary>The body of <c>POST /api/callbacks/{id}/reschedule</c>.</summary>
/// <param name="At">When to make the next try (ISO 8601).</param>
public sealed record RescheduleRequest(string? At);

/// <summary>A pending callback as the API shows it.</summary>
/// <param name="Id">Its id (for cancel and reschedule).</param>
/// <param name="Number">The number to call (E.164).</param>
/// <param name="Queue">The queue whose agents make it.</param>
/// <param name="Priority">1–10, higher first.</param>
/// <param name="ArrivedAt">When the caller first joined the queue: the callback's place in line.</param>
/// <param name="RequestedAt">When the caller asked to be called back; null for one booked before this was recorded.</param>
/// <param name="Attempts">Tries that did not reach the customer so far.</param>
/// <param name="NextTry">When its current or next try is (was) due.</param>
/// <param name="State">
/// <c>scheduled</c> (timed for <see cref="NextTry"/>), <c>waiting</c> (in line for an agent), <c>ringing-agent</c>,
/// <c>whispering</c>, <c>dialling-customer</c>, <c>greeting</c>, <c>connected</c>, <c>informing-agent</c>, or <c>unknown</c> before the
/// server has loaded it.
/// </param>
/// <param name="Agent">The agent of the current try, once one was offered.</param>
/// <param name="CallId">SIP Call-ID of the call it was requested on.</param>
/// <param name="TicketId">The ticket the call belongs to, when known.</param>
public sealed record CallbackView(
    long Id,
    string Number,
    string Queue,
    int Priority,
    DateTimeOffset ArrivedAt,
    DateTimeOffset? RequestedAt,
    int Attempts,
    DateTimeOffset NextTry,
    string State,
    string? Agent,
    string? CallId,
    string? TicketId)
{
    /// <summary>The view of a pending callback.</summary>
    public static CallbackView From(PendingCallback pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var record = pending.Record;
        var progress = pending.Progress;
        string state = progress switch
        {
            null => "unknown",
            { Phase: null } => "scheduled",
            { Phase: { } phase } => PhaseName(phase),
        };
        return new CallbackView(
            record.Id,
            record.Number,
            record.Queue,
            record.Priority,
            record.OriginalArrival,
            record.RequestedAt,
            record.Attempts,
            progress?.NextTry ?? record.DueAt,
            state,
            progress?.Agent,
            record.CallId,
            record.TicketId);
    }

    private static string PhaseName(CallbackPhase phase) => phase switch
    {
        CallbackPhase.Waiting => "waiting",
        CallbackPhase.RingingAgent => "ringing-agent",
        CallbackPhase.Whispering => "whispering",
        CallbackPhase.DiallingCustomer => "dialling-customer",
        CallbackPhase.Greeting => "greeting",
        CallbackPhase.Connected => "connected",
        CallbackPhase.InformingAgent => "informing-agent",
        _ => "ended",
    };
}
