using CallCenter.Calls.Routing;
using CallCenter.Calls.Trunks;
using CallCenter.Store;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.Callbacks;

/// <summary>
/// Where callbacks are booked, listed, cancelled and moved. A booking validates the number through the trunk's
/// normaliser, stores the callback (so a restart keeps it), takes the caller's contact out of routing and hands the
/// callback to the <see cref="CallbackScheduler"/>, which puts it in line with the caller's original arrival time,
/// priority and requirements. Thread-safe.
/// </summary>
public sealed class CallbackDesk : ICallbackRequests
{
    private readonly CallbackStore _store;
    private readonly CallbackScheduler _scheduler;
    private readonly IQueueRouter _router;
    private readonly ITrunkDialer _trunk;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the desk.</summary>
    public CallbackDesk(CallbackStore store, CallbackScheduler scheduler, IQueueRouter router, ITrunkDialer trunk, TimeProvider time, ILogger logger)
    {
        _store = store;
        _scheduler = scheduler;
        _router = router;
        _trunk = trunk;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public CallbackBooking Book(CallbackRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_trunk.TryNormalize(request.Number, out string e164, out string error))
        {
            return CallbackBooking.Refused(error);
        }

        var contact = request.Contact;
        var record = _store.Create(new NewCallback(
            contact.ArrivedAt, contact.QueueId, contact.Priority, e164, request.CallerName, request.TicketId, request.CallId, _time.GetUtcNow()));

        // The callback takes the call's place: the call's contact leaves routing first, then the callback enters with
        // the same arrival time, so it is served where the caller would have been.
        _router.HandedOver(contact.Id);
        _scheduler.Add(record, contact.Requirements);
        _logger.LogInformation("Callback {Id} booked for call {CallId}: {Number}, queue {Queue}", record.Id, request.CallId, e164, contact.QueueId);
        return new CallbackBooking(record.Id, e164, null);
    }

    /// <inheritdoc />
    public bool HasPending(string callerNumber) =>
        _trunk.TryNormalize(callerNumber, out string e164, out _) && _store.FindPendingByNumber(e164).Count > 0;

    /// <inheritdoc />
    public int CancelPending(string callerNumber, string reason)
    {
        if (!_trunk.TryNormalize(callerNumber, out string e164, out _))
        {
            return 0;
        }

        int cancelled = 0;
        foreach (var record in _store.FindPendingByNumber(e164))
        {
            if (Cancel(record.Id, reason) == CallbackChange.Done)
            {
                cancelled++;
            }
        }

        return cancelled;
    }

    /// <summary>Every pending callback in queue order (priority, then original arrival), with where each is now.</summary>
    public IReadOnlyList<PendingCallback> ListPending() =>
        [.. _store.ListPending().Select(record => new PendingCallback(record, _scheduler.Progress(record.Id)))];

    /// <summary>Withdraws callback <paramref name="id"/>: it leaves routing (or its timer) and is closed as cancelled.</summary>
    public CallbackChange Cancel(long id, string reason)
    {
        if (!_store.Cancel(id, _time.GetUtcNow(), reason))
        {
            return CallbackChange.NotFound;
        }

        _scheduler.Remove(id);
        _logger.LogInformation("Callback {Id} cancelled: {Reason}", id, reason);
        return CallbackChange.Done;
    }

    /// <summary>
    /// Moves the next try of callback <paramref name="id"/> to <paramref name="at"/> (it keeps its place in line once it is
    /// back). Refused while an agent is on the try.
    /// </summary>
    public CallbackChange Reschedule(long id, DateTimeOffset at)
    {
        if (_store.Get(id) is not { Status: CallbackStatus.Pending })
        {
            return CallbackChange.NotFound;
        }

        if (_scheduler.IsInProgress(id))
        {
            return CallbackChange.InProgress;
        }

        if (!_store.Reschedule(id, at))
        {
            return CallbackChange.NotFound;
        }

        _scheduler.Reschedule(id, at);
        _logger.LogInformation("Callback {Id} rescheduled to {At:O}", id, at);
        return CallbackChange.Done;
    }
}

/// <summary>The outcome of a change asked for through the API.</summary>
public enum CallbackChange
{
    /// <summary>Applied.</summary>
    Done,

    /// <summary>No pending callback has that id.</summary>
    NotFound,

    /// <summary>An agent is on the callback's try now; it cannot be moved.</summary>
    InProgress,
}

/// <summary>A pending callback as the API lists it.</summary>
/// <param name="Record">As stored (number, queue, requested at, attempts, next due time).</param>
/// <param name="Progress">Where it is now, or null when the scheduler does not hold it (e.g. before start).</param>
public sealed record PendingCallback(CallbackRecord Record, CallbackProgress? Progress);
