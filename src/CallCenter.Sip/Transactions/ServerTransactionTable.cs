namespace CallCenter.Sip.Transactions;

/// <summary>
/// The live server transactions, indexed for §17.2.3 matching (by branch and sent-by for RFC 3261 requests, by
/// Call-ID, CSeq number and From tag for RFC 2543 ones) and for the §8.2.2.2 merged-request check, plus the compact
/// <see cref="CompletedServerTransaction"/> entries that stand in for Completed non-INVITE transactions on unreliable
/// transports until Timer J (see ServerTransactionTable.Completed.cs). One lock keeps "find, else check for a merge,
/// else add" atomic, so two copies of a new request racing on two receive threads create one transaction. No
/// transaction code runs under this lock.
/// </summary>
internal sealed partial class ServerTransactionTable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<BranchKey, List<ServerTransaction>> _byBranch = [];
    private readonly Dictionary<LegacyKey, List<ServerTransaction>> _legacy = [];
    private readonly Dictionary<MergeKey, ServerTransaction> _merge = [];
    private readonly CompletedServerTransactions _completed = new();
    private readonly SipTransactionCounters _counters;
    private int _count;

    /// <summary>
    /// A table whose completed entries wait <paramref name="timerJ"/> on <paramref name="time"/>;
    /// <paramref name="completedExpired"/> is called, outside the lock, after Timer J removed some.
    /// </summary>
    public ServerTransactionTable(SipTransactionCounters counters, TimeProvider time, TimeSpan timerJ, Action completedExpired)
    {
        _counters = counters;
        _time = time;
        _timerJ = (long)(timerJ.TotalSeconds * time.TimestampFrequency);
        _completedExpired = completedExpired;
    }

    /// <summary>Live server transactions, completed entries included.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>
    /// Live transactions that still owe a final response (Trying, Proceeding). Those past it only absorb
    /// retransmissions, so a shutdown need not wait for them.
    /// </summary>
    public int CountAwaitingFinal()
    {
        lock (_gate)
        {
            var n = 0;
            foreach (var list in _byBranch.Values)
            {
                n += list.Count(static t => t.State is TransactionState.Trying or TransactionState.Proceeding);
            }

            foreach (var list in _legacy.Values)
            {
                n += list.Count(static t => t.State is TransactionState.Trying or TransactionState.Proceeding);
            }

            return n;
        }
    }

    /// <summary>
    /// Matches a request (not an ACK) to a live transaction or a completed entry; otherwise asks
    /// <paramref name="create"/> for a new one, telling it whether the request is a §8.2.2.2 merge of a transaction
    /// still in the table. A null from the factory adds nothing and yields <see cref="AdmissionOutcome.Refused"/>.
    /// The factory runs under the lock and must not call out.
    /// </summary>
    public Admission Admit(ServerTransactionIdentity incoming, Func<bool, ServerTransaction?> create)
    {
        lock (_gate)
        {
            foreach (var candidate in CandidatesFor(incoming))
            {
                if (candidate.Identity.MatchesRequest(incoming))
                {
                    return new Admission(AdmissionOutcome.Retransmission, candidate);
                }
            }

            if (incoming.IsRfc3261 && _completed.Count > 0 && _completed.Find(incoming.BranchKey, incoming.Method) is { } completed)
            {
                return new Admission(AdmissionOutcome.Retransmission, null, completed);
            }

            var merged = incoming.CanBeMerged
                && (_merge.ContainsKey(incoming.MergeKey) || (_completed.Count > 0 && _completed.HasMergeKey(incoming.MergeKey)));
            var created = create(merged);
            if (created is null)
            {
                return new Admission(AdmissionOutcome.Refused, null);
            }

            AddLocked(created, indexForMerge: !merged && incoming.CanBeMerged);
            return new Admission(merged ? AdmissionOutcome.Merged : AdmissionOutcome.Created, created);
        }
    }

    /// <summary>The INVITE transaction an ACK belongs to (§17.2.3), or null for an ACK to a 2xx.</summary>
    public InviteServerTransaction? FindAckTarget(ServerTransactionIdentity ack)
    {
        lock (_gate)
        {
            foreach (var candidate in CandidatesFor(ack))
            {
                if (candidate is InviteServerTransaction invite && candidate.Identity.MatchesAck(ack, candidate.ResponseToTag))
                {
                    return invite;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// The transaction a CANCEL cancels (§9.2) and the To tag the 200 to the CANCEL carries, or null. A completed
    /// entry matches too: the request still has a transaction, which has already sent its final response.
    /// </summary>
    public CancelTarget? FindCancelTarget(ServerTransactionIdentity cancel)
    {
        lock (_gate)
        {
            foreach (var candidate in CandidatesFor(cancel))
            {
                if (candidate.Identity.IsCancelledBy(cancel))
                {
                    return new CancelTarget(candidate, candidate.TagForCancelResponse);
                }
            }

            if (cancel.IsRfc3261 && _completed.Count > 0 && _completed.FindCancelled(cancel.BranchKey) is { } completed)
            {
                // A final response without a To tag breaks §8.2.6.2; a fresh tag then keeps the 200 well-formed.
                return new CancelTarget(null, completed.Response.To?.Tag ?? RandomTag.New());
            }

            return null;
        }
    }

    /// <summary>Removes a terminated transaction; false when it was not (or no longer) in the table.</summary>
    public bool Remove(ServerTransaction transaction)
    {
        if (transaction is NonInviteServerTransaction { HandedOver: { } entry })
        {
            return Remove(entry);
        }

        var identity = transaction.Identity;
        lock (_gate)
        {
            var removed = identity.IsRfc3261
                ? RemoveFrom(_byBranch, identity.BranchKey, transaction)
                : RemoveFrom(_legacy, identity.LegacyKey, transaction);
            if (!removed)
            {
                return false;
            }

            if (_merge.TryGetValue(identity.MergeKey, out var indexed) && ReferenceEquals(indexed, transaction))
            {
                _merge.Remove(identity.MergeKey);
            }

            _count--;
        }

        _counters.TransactionRemoved(transaction.Kind);
        return true;
    }

    private static bool RemoveFrom<TKey>(Dictionary<TKey, List<ServerTransaction>> index, TKey key, ServerTransaction transaction)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list) || !list.Remove(transaction))
        {
            return false;
        }

        if (list.Count == 0)
        {
            index.Remove(key);
        }

        return true;
    }

    private List<ServerTransaction> CandidatesFor(ServerTransactionIdentity identity)
    {
        var found = identity.IsRfc3261
            ? _byBranch.GetValueOrDefault(identity.BranchKey)
            : _legacy.GetValueOrDefault(identity.LegacyKey);
        return found ?? [];
    }

    private void AddLocked(ServerTransaction transaction, bool indexForMerge)
    {
        var identity = transaction.Identity;
        List<ServerTransaction>? list;
        if (identity.IsRfc3261)
        {
            if (!_byBranch.TryGetValue(identity.BranchKey, out list))
            {
                _byBranch[identity.BranchKey] = list = new List<ServerTransaction>(1);
            }
        }
        else if (!_legacy.TryGetValue(identity.LegacyKey, out list))
        {
            _legacy[identity.LegacyKey] = list = new List<ServerTransaction>(1);
        }

        list.Add(transaction);
        if (indexForMerge)
        {
            _merge.TryAdd(identity.MergeKey, transaction);
        }

        _count++;
        _counters.TransactionAdded(transaction.Kind);
    }
}

/// <summary>What <see cref="ServerTransactionTable.Admit"/> did with a request.</summary>
internal enum AdmissionOutcome
{
    /// <summary>It matched a live transaction or a completed entry.</summary>
    Retransmission,

    /// <summary>It is a merged request (§8.2.2.2); an internal transaction was created to answer it 482.</summary>
    Merged,

    /// <summary>A new transaction was created.</summary>
    Created,

    /// <summary>No transaction matched and none was created.</summary>
    Refused,
}

/// <summary>
/// Outcome of <see cref="ServerTransactionTable.Admit"/> and the transaction concerned: a live one, or for a
/// retransmission answered from a completed entry, that entry.
/// </summary>
internal readonly record struct Admission(AdmissionOutcome Outcome, ServerTransaction? Transaction, CompletedServerTransaction? Completed = null);

/// <summary>What a CANCEL matched (§9.2): the live transaction, if it is not a completed entry, and the To tag to answer with.</summary>
internal readonly record struct CancelTarget(ServerTransaction? Live, string ToTag);
