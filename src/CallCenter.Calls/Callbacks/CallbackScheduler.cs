using CallCenter.Calls.Routing;
using CallCenter.Routing;
using CallCenter.Store;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.Callbacks;

/// <summary>
/// Keeps every pending callback either waiting in routing (in the caller's original place) or timed for its next try.
/// At start it reloads the pending callbacks from the store in original arrival order, with the skill requirements
/// stored with each, so a restart loses none, keeps their order and offers each to the same agents as before; after a try that did not reach the customer it records the attempt and times the next one
/// (<see cref="CallbackOptions.RetryAfter"/>), or gives the callback up with the reason once
/// <see cref="CallbackOptions.Attempts"/> are used. Thread-safe: routing, the tries, timers and the API call in.
/// </summary>
public sealed class CallbackScheduler : ICallbackBacklog, IDisposable
{
    private readonly CallbackStore _store;
    private readonly CallbackServices _services;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Entry> _entries = [];
    private long _contactSequence;
    private bool _disposed;

    /// <summary>Creates the scheduler; nothing is loaded until <see cref="Start"/>.</summary>
    public CallbackScheduler(CallbackStore store, CallbackServices services)
    {
        _store = store;
        _services = services;
    }

    /// <summary>Loads the pending callbacks: those due go to routing now, in original arrival order; the others when due.</summary>
    /// <returns>How many were loaded.</returns>
    public int Start()
    {
        var pending = _store.ListPending().OrderBy(c => c.OriginalArrival).ThenBy(c => c.Id).ToList();
        foreach (var record in pending)
        {
            Track(record);
        }

        _services.Logger.LogInformation("Callbacks: {Count} pending callbacks loaded", pending.Count);
        return pending.Count;
    }

    /// <summary>
    /// Every callback held (waiting in routing, with an agent, or timed for a later try), counted per queue: the queue
    /// figures' pending callbacks.
    /// </summary>
    public IReadOnlyDictionary<string, int> PendingByQueue()
    {
        lock (_gate)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var entry in _entries.Values)
            {
                counts[entry.Record.Queue] = counts.GetValueOrDefault(entry.Record.Queue) + 1;
            }

            return counts;
        }
    }

    /// <summary>What the scheduler knows of callback <paramref name="id"/> now, or null when it does not hold it.</summary>
    public CallbackProgress? Progress(long id)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(id, out var entry) ? entry.ToProgress() : null;
        }
    }

    /// <summary>Takes a newly stored callback: it goes to routing at once (its due time is now), with its stored requirements.</summary>
    internal void Add(CallbackRecord record) => Track(record);

    /// <summary>A contact's own requirements as the store keeps them (null: the queue's own).</summary>
    internal static IReadOnlyList<CallbackRequirement>? ToStored(IReadOnlyList<SkillRequirement>? requirements) =>
        requirements?.Select(r => new CallbackRequirement(r.Skill, r.MinProficiency)).ToList();

    /// <summary>
    /// Stored requirements as routing takes them. A callback from before requirements were stored has none, and waits
    /// with its queue's own.
    /// </summary>
    private static IReadOnlyList<SkillRequirement>? FromStored(IReadOnlyList<CallbackRequirement>? requirements) =>
        requirements?.Select(r => new SkillRequirement(r.Skill, r.MinProficiency)).ToList();

    /// <summary>
    /// Drops a callback that was cancelled in the store: a waiting try leaves routing, a timed one is not made. A try
    /// whose agent already answered runs to its end, but nothing more is recorded.
    /// </summary>
    internal void Remove(long id)
    {
        lock (_gate)
        {
            if (_entries.Remove(id, out var entry))
            {
                Withdraw(entry);
            }
        }
    }

    /// <summary>
    /// Moves the next try of callback <paramref name="id"/> to <paramref name="at"/> (after the store was updated). False
    /// when a try is under way with an agent (it cannot be moved then) or the callback is not held.
    /// </summary>
    internal bool Reschedule(long id, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(id, out var entry) || entry.Try is { Phase: > CallbackPhase.RingingAgent and < CallbackPhase.Ended })
            {
                return false;
            }

            Withdraw(entry);
            entry.Record = entry.Record with { DueAt = at };
            Schedule(entry);
            return true;
        }
    }

    /// <summary>True when callback <paramref name="id"/> has a try under way with an agent (it cannot be moved then).</summary>
    internal bool IsInProgress(long id)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(id, out var entry) && entry.Try is { Phase: > CallbackPhase.RingingAgent and < CallbackPhase.Ended };
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var entry in _entries.Values)
            {
                entry.Timer?.Dispose();
            }
        }
    }

    private void Track(CallbackRecord record)
    {
        lock (_gate)
        {
            var entry = new Entry(record, FromStored(record.Requirements));
            _entries[record.Id] = entry;
            Schedule(entry);
        }
    }

    /// <summary>Due now: into routing. Due later: a timer puts it there then.</summary>
    private void Schedule(Entry entry)
    {
        var wait = entry.Record.DueAt - _services.Time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            Enqueue(entry);
            return;
        }

        long id = entry.Record.Id;
        entry.Timer = _services.Time.CreateTimer(_ => OnDue(id, entry), null, wait, Timeout.InfiniteTimeSpan);
    }

    private void OnDue(long id, Entry entry)
    {
        lock (_gate)
        {
            // A timer that fired as the callback was cancelled or moved belongs to an entry no longer current.
            if (!_disposed && _entries.TryGetValue(id, out var current) && ReferenceEquals(current, entry) && entry.Timer is not null)
            {
                entry.Timer.Dispose();
                entry.Timer = null;
                Enqueue(entry);
            }
        }
    }

    /// <summary>A new try waits in routing with the caller's original arrival time and priority, so it keeps their place.</summary>
    private void Enqueue(Entry entry)
    {
        var record = entry.Record;
        var contact = new WaitingContact(
            $"callback-{record.Id}-{++_contactSequence}", record.Queue, record.Priority, record.OriginalArrival, ContactKind.Callback, entry.Requirements);
        var attempt = new OutboundCallback(record.Id, record.Number, contact, _services, OnTryEnded);
        entry.Try = attempt;
        _services.Router.Enqueue(contact, attempt);
    }

    private void Withdraw(Entry entry)
    {
        entry.Timer?.Dispose();
        entry.Timer = null;
        if (entry.Try is { } attempt)
        {
            entry.Try = null;
            _services.Router.HandedOver(attempt.Contact.Id);
            attempt.Stop();
        }
    }

    /// <summary>A try ended: done, retried later, given up, or back in line, as the end and the attempts so far say.</summary>
    private void OnTryEnded(OutboundCallback attempt, CallbackAttemptEnd end)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(attempt.CallbackId, out var entry) || !ReferenceEquals(entry.Try, attempt))
            {
                _services.Logger.LogInformation("Callback {Id}: a try that was cancelled or moved ended ({Reason})", attempt.CallbackId, end.Reason);
                return;
            }

            entry.Try = null;
            var now = _services.Time.GetUtcNow();
            switch (end.Kind)
            {
                case CallbackAttemptEndKind.Reached:
                    _store.RecordAttempt(entry.Record.Id, now, CallbackAttemptResult.Answered);
                    _store.MarkDone(entry.Record.Id, now, "reached");
                    _entries.Remove(entry.Record.Id);
                    break;
                case CallbackAttemptEndKind.NotReached:
                    NotReached(entry, end, now);
                    break;
                default:
                    // Not the customer's doing: back in line after the retry interval, no attempt counted.
                    Retry(entry, now + _services.Options.RetryAfter);
                    break;
            }
        }
    }

    private void NotReached(Entry entry, CallbackAttemptEnd end, DateTimeOffset now)
    {
        long id = entry.Record.Id;
        _store.RecordAttempt(id, now, end.Result);
        int attempts = entry.Record.Attempts + 1;
        entry.Record = entry.Record with { Attempts = attempts };
        if (attempts >= _services.Options.Attempts)
        {
            string reason = $"not reached after {attempts} attempts (last: {end.Reason})";
            _store.MarkGivenUp(id, now, reason);
            _entries.Remove(id);
            _services.Logger.LogWarning("Callback {Id} to {Number} given up: {Reason}", id, entry.Record.Number, reason);
            return;
        }

        Retry(entry, now + _services.Options.RetryAfter);
    }

    private void Retry(Entry entry, DateTimeOffset at)
    {
        _store.Reschedule(entry.Record.Id, at);
        entry.Record = entry.Record with { DueAt = at };
        Schedule(entry);
    }

    /// <summary>One pending callback: its stored record as last written, its requirements, and its try or its timer.</summary>
    private sealed class Entry(CallbackRecord record, IReadOnlyList<SkillRequirement>? requirements)
    {
        public CallbackRecord Record { get; set; } = record;

        public IReadOnlyList<SkillRequirement>? Requirements { get; } = requirements;

        public OutboundCallback? Try { get; set; }

        public ITimer? Timer { get; set; }

        public CallbackProgress ToProgress() =>
            new(Record.Id, Try?.Phase, Try?.AgentExtension, Try is null ? Record.DueAt : null);
    }
}

/// <summary>Where a pending callback is now.</summary>
/// <param name="Id">The callback.</param>
/// <param name="Phase">The phase of its try, or null while it is timed for later.</param>
/// <param name="Agent">The agent of its try, once one was offered.</param>
/// <param name="NextTry">When it goes back in line, while it is timed for later.</param>
public sealed record CallbackProgress(long Id, CallbackPhase? Phase, string? Agent, DateTimeOffset? NextTry);
