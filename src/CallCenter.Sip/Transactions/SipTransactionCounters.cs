namespace CallCenter.Sip.Transactions;

/// <summary>
/// Live gauges and cumulative counters of one <see cref="SipTransactionLayer"/>, safe to read from any thread (for a
/// metrics exporter). Values are read individually, so a set of them is not one atomic snapshot.
/// </summary>
public sealed class SipTransactionCounters
{
    private readonly int[] _active = new int[4];
    private long _requestRetransmissions;
    private long _responseRetransmissions;
    private long _absorbedRetransmissions;
    private long _timeouts;
    private long _transportErrors;
    private long _mergedRequests;
    private long _unmatchedCancels;
    private long _rejectedWhileStopping;
    private long _strayResponses;

    /// <summary>Live transactions of one kind.</summary>
    public int Active(TransactionKind kind) => Volatile.Read(ref _active[(int)kind]);

    /// <summary>Live server transactions (INVITE and non-INVITE).</summary>
    public int ActiveServer => Active(TransactionKind.InviteServer) + Active(TransactionKind.NonInviteServer);

    /// <summary>Live client transactions (INVITE and non-INVITE).</summary>
    public int ActiveClient => Active(TransactionKind.InviteClient) + Active(TransactionKind.NonInviteClient);

    /// <summary>Requests re-sent by Timer A or E (§17.1.1.2, §17.1.2.2).</summary>
    public long RequestRetransmissions => Interlocked.Read(ref _requestRetransmissions);

    /// <summary>Responses re-sent by Timer G or because the request was retransmitted (§17.2.1, §17.2.2).</summary>
    public long ResponseRetransmissions => Interlocked.Read(ref _responseRetransmissions);

    /// <summary>Retransmitted requests and responses a transaction absorbed without telling its user.</summary>
    public long AbsorbedRetransmissions => Interlocked.Read(ref _absorbedRetransmissions);

    /// <summary>Transactions that ended on a timeout (Timer B, F, H or the §9.1 CANCEL wait).</summary>
    public long Timeouts => Interlocked.Read(ref _timeouts);

    /// <summary>Sends the transport reported as failed (§17.1.4, §17.2.4).</summary>
    public long TransportErrors => Interlocked.Read(ref _transportErrors);

    /// <summary>Requests answered 482 Loop Detected as merged (§8.2.2.2).</summary>
    public long MergedRequests => Interlocked.Read(ref _mergedRequests);

    /// <summary>CANCELs answered 481 because they matched no transaction (§9.2).</summary>
    public long UnmatchedCancels => Interlocked.Read(ref _unmatchedCancels);

    /// <summary>New requests answered 503 because the layer was stopping.</summary>
    public long RejectedWhileStopping => Interlocked.Read(ref _rejectedWhileStopping);

    /// <summary>Responses that matched no client transaction and went to the user (§17.1.3).</summary>
    public long StrayResponses => Interlocked.Read(ref _strayResponses);

    internal void TransactionAdded(TransactionKind kind) => Interlocked.Increment(ref _active[(int)kind]);

    internal void TransactionRemoved(TransactionKind kind) => Interlocked.Decrement(ref _active[(int)kind]);

    internal void TransactionsRemoved(TransactionKind kind, int count) => Interlocked.Add(ref _active[(int)kind], -count);

    internal void RequestRetransmitted() => Interlocked.Increment(ref _requestRetransmissions);

    internal void ResponseRetransmitted() => Interlocked.Increment(ref _responseRetransmissions);

    internal void RetransmissionAbsorbed() => Interlocked.Increment(ref _absorbedRetransmissions);

    internal void TimedOut() => Interlocked.Increment(ref _timeouts);

    internal void TransportFailed() => Interlocked.Increment(ref _transportErrors);

    internal void MergedRequestRejected() => Interlocked.Increment(ref _mergedRequests);

    internal void CancelUnmatched() => Interlocked.Increment(ref _unmatchedCancels);

    internal void RejectedStopping() => Interlocked.Increment(ref _rejectedWhileStopping);

    internal void StrayResponse() => Interlocked.Increment(ref _strayResponses);
}
