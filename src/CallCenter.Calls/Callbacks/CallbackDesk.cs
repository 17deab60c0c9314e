using CallCenter.Calls.Routing;
using CallCenter.Calls.Trunks;
using CallCenter.Routing;
using CallCenter.Store;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.Callbacks;

/// <summary>
/// Where callbacks are booked, listed, cancelled and moved. A booking validates the number through the trunk's
/// normaliser, stores the callback (so a restart keeps it), takes the caller's contact out of routing and hands the
/// callback to the <see cref="CallbackScheduler"/>, which puts it in line with the caller's original arrival time,
/// priority and requirements. A caller who is not waiting (after hours) is booked in a named queue from now, at the
/// queue's priority (<see cref="BookInQueue"/>). Thread-safe.
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

    /// <summary>The queues <see cref="BookInQueue"/> books in, with their priorities (routing's queues); none until set.</summary>
    public IReadOnlyList<QueueDefinition> Queues { get; init; } = [];

    /// <inheritdoc />
    public CallbackBooking Book(CallbackRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contact = request.Contact;

        // The callback takes the call's place: the call's contact leaves routing first, then the callback enters with
        // the same arrival time, so it is served where the caller would have been.
        return Store(
            request.Number,
            e164 => NewAt(contact.ArrivedAt, contact.QueueId, contact.Priority, e164, request.CallerName, request.TicketId, request.CallId, contact.Requirements),
            () => _router.HandedOver(contact.Id));
    }

    /// <inheritdoc />
    public CallbackBooking BookInQueue(string number, string queue, string callId, string? ticketId)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentNullException.ThrowIfNull(queue);
        if (Queues.FirstOrDefault(q => q.Id == queue) is not { } definition)
        {
            return CallbackBooking.Refused($"there is no queue '{queue}'");
        }

        // Nobody waited before the request: the callback's place in line starts now, with the queue's own requirements.
        return Store(number, e164 => NewAt(null, queue, definition.Priority, e164, null, ticketId, callId, null), null);
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

    /// <summary>
    /// Validates <paramref name="number"/>, stores the callback <paramref name="build"/> makes of its E.164 form, runs
    /// <paramref name="beforeQueueing"/> (a call's contact leaves routing) and puts the callback in line.
    /// </summary>
    private CallbackBooking Store(string number, Func<string, NewCallback> build, Action? beforeQueueing)
    {
        if (!_trunk.TryNormalize(number, out string e164, out string error))
        {
            return CallbackBooking.Refused(error);
        }

        var record = _store.Create(build(e164));
        beforeQueueing?.Invoke();
        _scheduler.Add(record);
        _logger.LogInformation("Callback {Id} booked for call {CallId}: {Number}, queue {Queue}", record.Id, record.CallId, e164, record.Queue);
        return new CallbackBooking(record.Id, e164, null);
    }

    /// <summary>A callback requested now and due now, in line from <paramref name="arrivedAt"/> (null: from now).</summary>
    private NewCallback NewAt(
        DateTimeOffset? arrivedAt, string queue, int priority, string e164, string? callerName, string? ticketId, string? callId, IReadOnlyList<SkillRequirement>? requirements)
    {
        var now = _time.GetUtcNow();
        return new NewCallback(
            arrivedAt ?? now, queue, priority, e164, callerName, ticketId, callId, DueAt: now, RequestedAt: now, Requirements: CallbackScheduler.ToStored(requirements));
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
