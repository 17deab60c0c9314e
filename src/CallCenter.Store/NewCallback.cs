namespace CallCenter.Store;

/// <summary>A caller's request to be called back, as taken from the queue they left.</summary>
/// <param name="OriginalArrival">When the caller first reached the queue; keeps their place in line.</param>
/// <param name="Queue">The queue whose agents should return the call.</param>
/// <param name="Priority">Queue priority 1–10, higher first.</param>
/// <param name="Number">The number to call, in E.164 form (e.g. +639171234567).</param>
/// <param name="CallerName">Caller's name when known.</param>
/// <param name="TicketId">Ticket the call belongs to, when known.</param>
/// <param name="CallId">SIP Call-ID of the original call, for tracing.</param>
/// <param name="DueAt">Earliest time to place the call back.</param>
/// <param name="RequestedAt">When the caller asked to be called back.</param>
/// <param name="Requirements">
/// The skills the caller's contact needed when they differ from the queue's own (e.g. the implicit <c>default</c>
/// queue, or a language added to a configured queue); null when the queue's own requirements apply.
/// </param>
public sealed record NewCallback(
    DateTimeOffset OriginalArrival,
    string Queue,
    int Priority,
    string Number,
    string? CallerName,
    string? TicketId,
    string? CallId,
    DateTimeOffset DueAt,
    DateTimeOffset RequestedAt,
    IReadOnlyList<CallbackRequirement>? Requirements = null);
