namespace CallCenter.Store;

/// <summary>A stored callback request. Times are UTC.</summary>
/// <param name="Id">Store-assigned identity; increases with creation order.</param>
/// <param name="OriginalArrival">When the caller first reached the queue.</param>
/// <param name="Queue">Queue whose agents return the call.</param>
/// <param name="Priority">1–10, higher first.</param>
/// <param name="Number">Number to call, E.164.</param>
/// <param name="CallerName">Caller's name when known.</param>
/// <param name="TicketId">Ticket the call belongs to, when known.</param>
/// <param name="CallId">SIP Call-ID of the original call.</param>
/// <param name="DueAt">Earliest time to place the next attempt.</param>
/// <param name="Status">Pending, or how it was closed.</param>
/// <param name="Attempts">Attempts recorded so far.</param>
/// <param name="ClosedAt">When it was closed; null while pending.</param>
/// <param name="ClosedReason">Why it was closed; null while pending.</param>
/// <param name="RequestedAt">
/// When the caller asked to be called back; null for a callback stored before this was recorded (schema version 1).
/// </param>
/// <param name="Requirements">
/// The skills its agent must have when they differ from the queue's own; null when the queue's own apply (and for a
/// callback stored before requirements were recorded, schema version 1).
/// </param>
public sealed record CallbackRecord(
    long Id,
    DateTimeOffset OriginalArrival,
    string Queue,
    int Priority,
    string Number,
    string? CallerName,
    string? TicketId,
    string? CallId,
    DateTimeOffset DueAt,
    CallbackStatus Status,
    int Attempts,
    DateTimeOffset? ClosedAt,
    string? ClosedReason,
    DateTimeOffset? RequestedAt = null,
    IReadOnlyList<CallbackRequirement>? Requirements = null);
