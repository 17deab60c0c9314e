using CallCenter.Sip.Message;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// What is left of a non-INVITE server transaction over an unreliable transport once it has sent its final response
/// and entered Completed (RFC 3261 §17.2.2): for Timer J (64·T1) its only duty is to answer retransmissions of the
/// request with that final response. It keeps that response as sent on the wire, where it went, the method, and
/// digests of its §17.2.3 and §8.2.2.2 keys — two heap objects and about 600 bytes for a REGISTER's 401 instead of
/// the parsed request, the response object and the state machine (about 6 KB). The response bytes are the reference
/// for the keys: §8.2.6.2 makes a response copy the request's Via, From, Call-ID and CSeq, so a digest hit is
/// confirmed against the stored response. The <see cref="ServerTransactionTable"/> holds the entry until Timer J;
/// the <see cref="NonInviteServerTransaction"/> it came from is no longer referenced by the layer.
/// </summary>
internal sealed class CompletedServerTransaction
{
    /// <summary>Stands in <see cref="_removal"/> once the entry has left the table.</summary>
    private static readonly TaskCompletionSource Removed = CreateRemovedMarker();

    private readonly PackedRemote _destination;
    private byte[]? _wire;
    private TaskCompletionSource? _removal;

    public CompletedServerTransaction(BranchKey key, string method, byte[] wire, int statusCode, SipRemote destination)
    {
        BranchFingerprint = key.Fingerprint();
        Method = method;
        _wire = wire;
        StatusCode = statusCode;
        _destination = new PackedRemote(destination);
    }

    /// <summary>Digest of the branch and sent-by of the request's top Via (§17.2.3): the table's index key.</summary>
    public ulong BranchFingerprint { get; }

    /// <summary>The request method (never INVITE or ACK).</summary>
    public string Method { get; }

    /// <summary>The final response exactly as first sent; null once the entry has left the table.</summary>
    public byte[]? Wire => Volatile.Read(ref _wire);

    /// <summary>Status code of <see cref="Wire"/>, for the sender's metrics.</summary>
    public int StatusCode { get; }

    /// <summary>Where the response went (§18.2.2); retransmissions go there too.</summary>
    public SipRemote Destination => _destination.Unpack();

    /// <summary>When Timer J fires, as a <see cref="TimeProvider.GetTimestamp"/> value. Set by the table.</summary>
    public long ExpiresAt { get; set; }

    /// <summary>The §8.2.2.2 fingerprint this entry is indexed under, or 0 when it takes no part in merge detection.</summary>
    public ulong MergeFingerprint { get; set; }

    /// <summary>The next entry in expiry order (the table's queue links its entries through them).</summary>
    public CompletedServerTransaction? NextToExpire { get; set; }

    /// <summary>Another entry with the same <see cref="BranchFingerprint"/> (e.g. a completed CANCEL of this request).</summary>
    public CompletedServerTransaction? NextOnBranch { get; set; }

    /// <summary>True once Timer J has fired or a transport error has ended it: the transaction is Terminated.</summary>
    public bool IsRemoved => ReferenceEquals(Volatile.Read(ref _removal), Removed);

    /// <summary>
    /// The stored response parsed back (null once removed). Used only to confirm a digest hit — a retransmission, a
    /// CANCEL or a merged request — never on the path of a new request.
    /// </summary>
    public SipResponse? ReadResponse() => Wire is { } wire ? SipParser.Parse(wire).Message as SipResponse : null;

    /// <summary>
    /// §17.2.3 for an RFC 3261 request: the same branch and sent-by in the top Via (the response's top Via is the
    /// request's, §8.2.6.2).
    /// </summary>
    public static bool HasBranchKey(SipResponse response, BranchKey key) =>
        response.TopVia is { } topVia && key.Equals(new BranchKey(topVia.Branch ?? string.Empty, topVia.Host, topVia.Port));

    /// <summary>§8.2.2.2: the same From tag, Call-ID and CSeq (which the response copies from the request, §8.2.6.2).</summary>
    public static bool HasMergeKey(SipResponse response, MergeKey key) =>
        response.CallId is { } callId && response.CSeq is { } cseq
        && key.Equals(new MergeKey(response.From?.Tag, callId, cseq.Number, cseq.Method));

    /// <summary>
    /// Takes over the transaction's termination task if its user asked for it before the hand-over, so that it
    /// completes when this entry leaves the table.
    /// </summary>
    public void AdoptTermination(TaskCompletionSource? termination)
    {
        if (termination is not null)
        {
            Interlocked.CompareExchange(ref _removal, termination, null);
        }
    }

    /// <summary>A task that completes once the entry has left the table (the transaction's Termination).</summary>
    public Task WhenRemoved()
    {
        while (true)
        {
            var current = Volatile.Read(ref _removal);
            if (current is not null)
            {
                return current.Task;
            }

            var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Interlocked.CompareExchange(ref _removal, created, null) is null)
            {
                return created.Task;
            }
        }
    }

    /// <summary>Marks the entry Terminated, drops the response bytes and completes anyone waiting. False when it already was.</summary>
    public bool MarkRemoved()
    {
        var previous = Interlocked.Exchange(ref _removal, Removed);
        if (ReferenceEquals(previous, Removed))
        {
            return false;
        }

        Volatile.Write(ref _wire, null);
        previous?.TrySetResult();
        return true;
    }

    private static TaskCompletionSource CreateRemovedMarker()
    {
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        marker.SetResult();
        return marker;
    }
}
