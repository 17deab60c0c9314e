using System.Collections.Concurrent;
using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Registrar;

/// <summary>
/// The location service (RFC 3261 §10): bindings of addresses-of-record to contacts, with expiry.
/// Each AOR is updated under its own lock, so REGISTERs for different agents never contend;
/// <see cref="Changed"/> is raised outside any lock when an AOR becomes (un)reachable.
/// </summary>
public sealed class BindingStore : IDisposable
{
    private readonly ConcurrentDictionary<string, AorBindings> _aors = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly RegistrarOptions _options;
    private readonly ITimer _sweepTimer;

    /// <summary>Creates the store and starts its expiry sweep.</summary>
    public BindingStore(RegistrarOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _sweepTimer = time.CreateTimer(_ => Sweep(), null, options.SweepInterval, options.SweepInterval);
    }

    /// <summary>Raised when an AOR gains its first binding or loses its last.</summary>
    public event Action<BindingChange>? Changed;

    /// <summary>Number of live bindings across all AORs (walks the store: for metrics scrapes, not hot paths).</summary>
    public int BindingCount => Snapshot().Count;

    /// <summary>
    /// Applies a REGISTER's contact updates atomically for one AOR (§10.3 steps 6–8).
    /// </summary>
    public BindingUpdateResult Apply(string aor, IReadOnlyList<ContactUpdate> updates, bool removeAll, string callId, long cseq, SipRemote source, string? userAgent)
    {
        var now = _time.GetUtcNow();
        var entry = _aors.GetOrAdd(aor, static _ => new AorBindings());
        BindingUpdateResult result;
        bool wasLive;
        bool isLive;
        lock (entry)
        {
            // "Registered" means "has bindings not yet removed": it flips to false only when the last one is
            // removed, by request or by expiry (here or in Sweep), so listeners see strictly alternating events.
            wasLive = entry.Count > 0;
            result = removeAll
                ? entry.RemoveAll(callId, cseq, now)
                : entry.Update(aor, updates, callId, cseq, source, userAgent, now, _options.MaxBindingsPerAor);
            isLive = entry.Count > 0;
        }

        RaiseIfChanged(aor, wasLive, isLive, now);
        return result;
    }

    /// <summary>Live bindings of an AOR, most preferred (highest q, then most recent) first.</summary>
    public IReadOnlyList<Binding> Lookup(string aor)
    {
        if (!_aors.TryGetValue(aor, out var entry))
        {
            return [];
        }

        var now = _time.GetUtcNow();
        lock (entry)
        {
            return entry.Live(now);
        }
    }

    /// <summary>Every live binding, for the HTTP view.</summary>
    public IReadOnlyList<Binding> Snapshot()
    {
        var now = _time.GetUtcNow();
        var all = new List<Binding>();
        foreach (var (_, entry) in _aors)
        {
            lock (entry)
            {
                all.AddRange(entry.Live(now));
            }
        }

        all.Sort(static (a, b) => string.CompareOrdinal(a.Aor, b.Aor));
        return all;
    }

    /// <summary>Removes expired bindings and raises <see cref="Changed"/> for AORs that lost their last one.</summary>
    public void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var (aor, entry) in _aors)
        {
            bool wasLive;
            bool isLive;
            lock (entry)
            {
                wasLive = entry.Count > 0;
                entry.RemoveExpired(now);
                isLive = entry.Count > 0;
            }

            RaiseIfChanged(aor, wasLive, isLive, now);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _sweepTimer.Dispose();

    private void RaiseIfChanged(string aor, bool wasLive, bool isLive, DateTimeOffset now)
    {
        if (wasLive != isLive)
        {
            Changed?.Invoke(new BindingChange(aor, isLive ? BindingChangeKind.Registered : BindingChangeKind.Unregistered, now));
        }
    }
}
