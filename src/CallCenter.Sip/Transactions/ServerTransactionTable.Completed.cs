namespace CallCenter.Sip.Transactions;

/// <summary>
/// Completed non-INVITE transactions on unreliable transports (RFC 3261 §17.2.2): a transaction hands itself over to
/// a compact entry, and one timer ends the entries in expiry order (Timer J) instead of one timer per transaction.
/// </summary>
internal sealed partial class ServerTransactionTable
{
    /// <summary>
    /// How often, at most, the Timer J sweep runs while entries keep expiring. An entry may therefore leave up to
    /// this much after its 64·T1: it only absorbs retransmissions a little longer, which §17.2.2 permits ("at least").
    /// </summary>
    internal static readonly TimeSpan SweepInterval = TimeSpan.FromMilliseconds(100);

    private readonly TimeProvider _time;
    private readonly long _timerJ;
    private readonly Action _completedExpired;
    private ITimer? _sweepTimer;
    private bool _sweepArmed;

    /// <summary>
    /// Replaces a live RFC 3261 transaction that has just sent its final response by <paramref name="entry"/>, which
    /// answers its retransmissions until Timer J. The transaction stays counted as live. False (nothing changed) when
    /// the transaction is not in the table.
    /// </summary>
    public bool HandOver(ServerTransaction transaction, CompletedServerTransaction entry)
    {
        var identity = transaction.Identity;
        lock (_gate)
        {
            if (!identity.IsRfc3261 || !RemoveFrom(_byBranch, identity.BranchKey, transaction))
            {
                return false;
            }

            // §8.2.2.2 keeps applying while the transaction exists, so a merge-indexed request stays indexed.
            MergeKey? mergeKey = null;
            if (_merge.TryGetValue(identity.MergeKey, out var indexed) && ReferenceEquals(indexed, transaction))
            {
                _merge.Remove(identity.MergeKey);
                mergeKey = identity.MergeKey;
            }

            var now = _time.GetTimestamp();
            _completed.Add(entry, now + _timerJ, mergeKey);
            if (!_sweepArmed)
            {
                ArmSweepLocked(now, TimeSpan.Zero);
            }

            return true;
        }
    }

    /// <summary>Ends a completed entry before Timer J (a transport error); false when it had already left.</summary>
    public bool Remove(CompletedServerTransaction entry)
    {
        lock (_gate)
        {
            if (!_completed.Remove(entry))
            {
                return false;
            }

            _count--;
        }

        _counters.TransactionRemoved(TransactionKind.NonInviteServer);
        return true;
    }

    /// <summary>Timer J for every entry due: removes them, then re-arms for the next one.</summary>
    private void SweepExpired()
    {
        int removed;
        lock (_gate)
        {
            _sweepArmed = false;
            var now = _time.GetTimestamp();
            removed = _completed.RemoveExpired(now);
            _count -= removed;
            if (_completed.NextExpiry is not null)
            {
                ArmSweepLocked(now, SweepInterval);
            }
        }

        if (removed > 0)
        {
            _counters.TransactionsRemoved(TransactionKind.NonInviteServer, removed);
            _completedExpired();
        }
    }

    /// <summary>
    /// Arms the sweep for the oldest entry's expiry, but no sooner than <paramref name="minimum"/> from now, so that
    /// under load a sweep takes a batch of entries rather than one. Under the lock.
    /// </summary>
    private void ArmSweepLocked(long now, TimeSpan minimum)
    {
        var due = _time.GetElapsedTime(now, _completed.NextExpiry!.Value);
        if (due < minimum)
        {
            due = minimum;
        }

        if (_sweepTimer is null)
        {
            _sweepTimer = _time.CreateTimer(static state => ((ServerTransactionTable)state!).SweepExpired(), this, due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _sweepTimer.Change(due, Timeout.InfiniteTimeSpan);
        }

        _sweepArmed = true;
    }
}
