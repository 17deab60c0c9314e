using CallCenter.Sip.Message;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// The <see cref="CompletedServerTransaction"/> entries of a <see cref="ServerTransactionTable"/>: indexed by a
/// digest of branch and sent-by for §17.2.3 matching and §9.2 CANCEL matching (entries sharing a digest are chained),
/// by a digest of From tag, Call-ID and CSeq for the §8.2.2.2 merged-request check, and queued in expiry order for
/// Timer J. A digest hit counts only once confirmed against the entry's stored response. Every entry waits the same
/// Timer J, so entries expire in the order they were added and one queue replaces a timer per transaction. Not
/// thread-safe: the table calls it under its lock.
/// </summary>
internal sealed class CompletedServerTransactions
{
    private readonly Dictionary<ulong, CompletedServerTransaction> _byBranch = [];
    private readonly Dictionary<ulong, CompletedServerTransaction> _byMergeFingerprint = [];
    private CompletedServerTransaction? _oldest;
    private CompletedServerTransaction? _newest;

    /// <summary>Entries still in the table (not yet expired or removed).</summary>
    public int Count { get; private set; }

    /// <summary>The expiry time of the oldest entry still queued (possibly already removed), or null when none is.</summary>
    public long? NextExpiry => _oldest?.ExpiresAt;

    /// <summary>
    /// Adds an entry expiring at <paramref name="expiresAt"/>, which must not be earlier than that of any entry added
    /// before. <paramref name="mergeKey"/>, when given, enters it into the §8.2.2.2 check.
    /// </summary>
    public void Add(CompletedServerTransaction entry, long expiresAt, MergeKey? mergeKey)
    {
        entry.ExpiresAt = expiresAt;
        if (_byBranch.TryGetValue(entry.BranchFingerprint, out var sameBranch))
        {
            entry.NextOnBranch = sameBranch;
        }

        _byBranch[entry.BranchFingerprint] = entry;
        if (mergeKey is { } key)
        {
            // Should two keys share a digest, the first keeps the slot: a later one then escapes only the merge check.
            var fingerprint = key.Fingerprint();
            if (_byMergeFingerprint.TryAdd(fingerprint, entry))
            {
                entry.MergeFingerprint = fingerprint;
            }
        }

        if (_newest is null)
        {
            _oldest = entry;
        }
        else
        {
            _newest.NextToExpire = entry;
        }

        _newest = entry;
        Count++;
    }

    /// <summary>§17.2.3 for an RFC 3261 request: the entry with the same branch, sent-by and method.</summary>
    public CompletedServerTransaction? Find(BranchKey key, string method)
    {
        for (var entry = _byBranch.GetValueOrDefault(key.Fingerprint()); entry is not null; entry = entry.NextOnBranch)
        {
            if (entry.Method == method && entry.ReadResponse() is { } response && CompletedServerTransaction.HasBranchKey(response, key))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>
    /// §9.2: the entry an RFC 3261 CANCEL with this branch and sent-by cancels (any method but CANCEL), with its
    /// final response; null when there is none.
    /// </summary>
    public (CompletedServerTransaction Entry, SipResponse Response)? FindCancelled(BranchKey key)
    {
        for (var entry = _byBranch.GetValueOrDefault(key.Fingerprint()); entry is not null; entry = entry.NextOnBranch)
        {
            if (entry.Method != SipMethods.Cancel && entry.ReadResponse() is { } response && CompletedServerTransaction.HasBranchKey(response, key))
            {
                return (entry, response);
            }
        }

        return null;
    }

    /// <summary>§8.2.2.2: whether a completed transaction had the From tag, Call-ID and CSeq of <paramref name="key"/>.</summary>
    public bool HasMergeKey(MergeKey key) =>
        _byMergeFingerprint.TryGetValue(key.Fingerprint(), out var entry)
        && entry.ReadResponse() is { } response && CompletedServerTransaction.HasMergeKey(response, key);

    /// <summary>Takes an entry out of the indexes and marks it Terminated; false when it had already left.</summary>
    public bool Remove(CompletedServerTransaction entry)
    {
        if (!entry.MarkRemoved())
        {
            return false;
        }

        Unindex(entry);
        Count--;
        return true;
    }

    /// <summary>
    /// Timer J: removes every entry that expires at or before <paramref name="now"/>; returns how many were still in
    /// the table (entries removed earlier by a transport error are only dequeued).
    /// </summary>
    public int RemoveExpired(long now)
    {
        var removed = 0;
        while (_oldest is { } oldest && oldest.ExpiresAt <= now)
        {
            _oldest = oldest.NextToExpire;
            oldest.NextToExpire = null;
            if (_oldest is null)
            {
                _newest = null;
            }

            if (Remove(oldest))
            {
                removed++;
            }
        }

        if (Count == 0 && removed > 0)
        {
            // A burst can grow the indexes to hundreds of thousands of slots; give them back once it is over.
            _byBranch.TrimExcess();
            _byMergeFingerprint.TrimExcess();
        }

        return removed;
    }

    private void Unindex(CompletedServerTransaction entry)
    {
        if (_byBranch.TryGetValue(entry.BranchFingerprint, out var first))
        {
            if (ReferenceEquals(first, entry))
            {
                if (entry.NextOnBranch is { } next)
                {
                    _byBranch[entry.BranchFingerprint] = next;
                }
                else
                {
                    _byBranch.Remove(entry.BranchFingerprint);
                }
            }
            else
            {
                var previous = first;
                while (previous.NextOnBranch is { } candidate && !ReferenceEquals(candidate, entry))
                {
                    previous = candidate;
                }

                previous.NextOnBranch = entry.NextOnBranch;
            }
        }

        entry.NextOnBranch = null;
        if (entry.MergeFingerprint != 0
            && _byMergeFingerprint.TryGetValue(entry.MergeFingerprint, out var indexed) && ReferenceEquals(indexed, entry))
        {
            _byMergeFingerprint.Remove(entry.MergeFingerprint);
        }
    }
}
