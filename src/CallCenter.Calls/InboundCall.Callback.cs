using CallCenter.Calls.Callbacks;
using CallCenter.Ivr.Runtime;
using CallCenter.Routing;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls;

/// <summary>
/// Callbacks in place of waiting. While the call's contact waits in a queue, routing (the waiting state) tells the call
/// so with <see cref="AllowCallback"/>; the <c>callback-offer</c> flow's <c>callback</c> node then books a callback to
/// the number the caller confirmed, which takes over the contact's place in line, and the flow says goodbye. At any
/// time a flow can ask whether the caller already has a callback pending, or withdraw it (a caller who phoned again).
/// </summary>
public sealed partial class InboundCall
{
    /// <summary>The flow variable that names the ticket the call belongs to, when a flow set one.</summary>
    internal const string TicketVariable = "ticket";

    private ICallbackRequests? _callbackDesk;
    private WaitingContact? _callbackContact;

    /// <summary>The id of the callback the caller booked during this call, once booked.</summary>
    public long? BookedCallbackId { get; private set; }

    /// <summary>Where this call books, finds and withdraws callbacks; without one, every callback request is refused.</summary>
    internal void UseCallbackDesk(ICallbackRequests desk) => _callbackDesk = desk;

    /// <summary>
    /// The call's <paramref name="contact"/> waits in routing: a callback booked now takes its place. Call on the call's
    /// executor; <see cref="ForbidCallback"/> once the contact is connected, gone or withdrawn.
    /// </summary>
    internal void AllowCallback(WaitingContact contact) => _callbackContact = contact;

    /// <summary>The call's contact no longer waits: a callback can no longer take its place.</summary>
    internal void ForbidCallback() => _callbackContact = null;

    /// <summary>
    /// The flow's <c>callback</c> node (<see cref="IFlowHost.RequestCallback"/>): in place of the call's wait while it
    /// waits in line, else in the node's <paramref name="queue"/> from now (a caller after hours).
    /// </summary>
    private bool BookCallback(string number, string? queue)
    {
        if (_callbackDesk is not { } desk || (_callbackContact is null && queue is null))
        {
            _services.Logger.LogWarning(
                "Call {CallId}: callback to {Number} refused: {Reason}",
                CallId,
                number,
                _callbackDesk is null ? "callbacks are not configured" : "the call is not waiting in a queue");
            return false;
        }

        string? ticket = _run.Variables.GetValueOrNull(TicketVariable);
        var booking = _callbackContact is { } contact
            ? desk.Book(new CallbackRequest(number, contact, CallId, ticket, CallerName: null))
            : desk.BookInQueue(number, queue!, CallId, ticket);
        if (!booking.Booked)
        {
            _services.Logger.LogInformation("Call {CallId}: callback to {Number} refused: {Reason}", CallId, number, booking.Error);
            return false;
        }

        // The callback now holds the place in line: the call's own contact is gone from routing.
        _callbackContact = null;
        BookedCallbackId = booking.Id;
        _services.Logger.LogInformation("Call {CallId}: callback {Id} booked to {Number}", CallId, booking.Id, booking.Number);
        return true;
    }

    /// <summary>The flow's <c>cancel-callback</c> node (<see cref="IFlowHost.CancelCallbacks"/>).</summary>
    private int CancelCallerCallbacks() =>
        _callbackDesk is { } desk && _caller.Caller is { Length: > 0 } caller ? desk.CancelPending(caller, "cancelled by the caller on a new call") : 0;

    /// <summary>The flow's <c>callback-pending</c> condition (<see cref="IFlowHost.CallbackPending"/>).</summary>
    private bool HasPendingCallback() =>
        _callbackDesk is { } desk && _caller.Caller is { Length: > 0 } caller && desk.HasPending(caller);
}
