using CallCenter.Routing;

namespace CallCenter.Calls.Callbacks;

/// <summary>What an inbound call asks of the callback desk: book one in place of its wait, find or withdraw the caller's.</summary>
public interface ICallbackRequests
{
    /// <summary>
    /// Validates the number (through the trunk's normaliser), stores the callback and swaps the call's place in routing
    /// for the callback's (same arrival time, priority and requirements). Refused, with the reason, when the number is
    /// not one the trunk can call.
    /// </summary>
    CallbackBooking Book(CallbackRequest request);

    /// <summary>
    /// Books a callback for a caller who is not waiting in line (after hours, say) in <paramref name="queue"/>: it is in
    /// line from now, at the queue's priority, with the queue's own requirements. Refused, with the reason, for a queue
    /// the centre does not have or a number the trunk cannot call.
    /// </summary>
    /// <param name="number">The number as the caller gave it; normalised by the desk.</param>
    /// <param name="queue">The queue whose agents make the callback.</param>
    /// <param name="callId">SIP Call-ID of the call, for tracing.</param>
    /// <param name="ticketId">The ticket the call belongs to, when the flow set one.</param>
    CallbackBooking BookInQueue(string number, string queue, string callId, string? ticketId);

    /// <summary>True when a callback is pending for <paramref name="callerNumber"/> (as the caller's phone sent it).</summary>
    bool HasPending(string callerNumber);

    /// <summary>Withdraws every callback pending for <paramref name="callerNumber"/>; how many there were.</summary>
    int CancelPending(string callerNumber, string reason);
}

/// <summary>A caller's request to be called back instead of waiting on the line.</summary>
/// <param name="Number">The number as the caller gave it (caller id or keyed in); normalised by the desk.</param>
/// <param name="Contact">The call's contact, still waiting in routing: its queue, priority, arrival and requirements carry over.</param>
/// <param name="CallId">SIP Call-ID of the call, for tracing.</param>
/// <param name="TicketId">The ticket the call belongs to, when the flow set one.</param>
/// <param name="CallerName">The caller's display name, when known.</param>
public sealed record CallbackRequest(string Number, WaitingContact Contact, string CallId, string? TicketId, string? CallerName);

/// <summary>The outcome of <see cref="ICallbackRequests.Book"/>.</summary>
/// <param name="Id">The stored callback's id, or null when refused.</param>
/// <param name="Number">The number that will be called (E.164), or null when refused.</param>
/// <param name="Error">Why it was refused, or null when booked.</param>
public sealed record CallbackBooking(long? Id, string? Number, string? Error)
{
    /// <summary>True when the callback was stored and queued.</summary>
    public bool Booked => Id is not null;

    /// <summary>A refusal with its reason.</summary>
    public static CallbackBooking Refused(string error) => new(null, null, error);
}
