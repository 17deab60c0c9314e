namespace CallCenter.Auth;

/// <summary>
/// Replay protection for Digest with qop: remembers the highest nonce-count (nc) seen per nonce
/// and refuses one that is not higher (RFC 7616 §3.4 and the replay discussion of its §5, RFC 2617 §3.2.2). Memory is
/// bounded: entries expire with their nonce, and at the cap the oldest are evicted. Any nonce
/// issued no later than an evicted one is then treated as <see cref="NonceCountCheck.Forgotten"/>,
/// so eviction can never re-open a replay window. Thread-safe.
/// </summary>
public sealed class NonceCountTracker
{
    /// <summary>The default cap: about 35 MB of entries at the cap.</summary>
    public const int DefaultMaxEntries = 500_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<UInt128, uint> _highestCounts = [];
    private readonly Queue<(UInt128 Id, long IssuedMs)> _insertionOrder = new();
    private readonly TimeProvider _timeProvider;
    private readonly long _lifetimeMs;
    private readonly int _maxEntries;
    private long _forgottenUpToMs = long.MinValue;

    /// <summary>Creates a tracker for nonces living <paramref name="nonceLifetime"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The lifetime or the cap is not positive.</exception>
    public NonceCountTracker(TimeSpan nonceLifetime, int maxEntries = DefaultMaxEntries, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(nonceLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxEntries, 0);
        _lifetimeMs = (long)nonceLifetime.TotalMilliseconds;
        _maxEntries = maxEntries;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The number of nonces currently tracked.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _highestCounts.Count;
            }
        }
    }

    /// <summary>
    /// Records <paramref name="nonceCount"/> for a genuine nonce if it is higher than any seen.
    /// Call only after the response digest has been verified, or an attacker could burn counts.
    /// </summary>
    /// <exception cref="ArgumentException">The nonce was not validated as genuine.</exception>
    public NonceCountCheck TryAdvance(in NonceValidation nonce, uint nonceCount)
    {
        if (nonce.Status == NonceStatus.Invalid)
        {
            throw new ArgumentException("Only genuine nonces can be tracked.", nameof(nonce));
        }

        long issuedMs = nonce.IssuedAt.ToUnixTimeMilliseconds();
        long nowMs = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            RemoveExpired(nowMs);
            if (nowMs - issuedMs > _lifetimeMs)
            {
                return NonceCountCheck.Forgotten;
            }

            if (_highestCounts.TryGetValue(nonce.Id, out uint highest))
            {
                if (nonceCount <= highest)
                {
                    return NonceCountCheck.Replayed;
                }

                _highestCounts[nonce.Id] = nonceCount;
                return NonceCountCheck.Accepted;
            }

            return AddNew(nonce.Id, issuedMs, nonceCount);
        }
    }

    private NonceCountCheck AddNew(UInt128 id, long issuedMs, uint nonceCount)
    {
        // Not tracked, yet issued no later than something evicted: it may have been tracked
        // before, so its earlier counts are unknown.
        if (issuedMs <= _forgottenUpToMs)
        {
            return NonceCountCheck.Forgotten;
        }

        if (_highestCounts.Count >= _maxEntries)
        {
            EvictOldest();
        }

        _highestCounts.Add(id, nonceCount);
        _insertionOrder.Enqueue((id, issuedMs));
        return NonceCountCheck.Accepted;
    }

    private void EvictOldest()
    {
        while (_insertionOrder.TryDequeue(out (UInt128 Id, long IssuedMs) oldest))
        {
            if (_highestCounts.Remove(oldest.Id))
            {
                _forgottenUpToMs = Math.Max(_forgottenUpToMs, oldest.IssuedMs);
                return;
            }
        }
    }

    // The queue is in first-use order, which trails issue order by at most one lifetime, so
    // trimming from the front is amortised O(1) and still removes every entry eventually.
    private void RemoveExpired(long nowMs)
    {
        while (_insertionOrder.TryPeek(out (UInt128 Id, long IssuedMs) oldest) && nowMs - oldest.IssuedMs > _lifetimeMs)
        {
            _insertionOrder.Dequeue();
            _highestCounts.Remove(oldest.Id);
        }
    }
}
