using CallCenter.Sip.Message;

namespace CallCenter.Sip.Transactions;

/// <summary>
/// The fields of a request that RFC 3261 §17.2.3 matches server transactions on, read once when the request
/// arrives. Requests whose top Via branch carries the magic cookie are matched on branch, sent-by and method;
/// others (RFC 2543 peers) on Request-URI, tags, Call-ID, CSeq and the top Via.
/// </summary>
internal sealed class ServerTransactionIdentity
{
    private ServerTransactionIdentity(SipRequest request, ViaHeader topVia, CSeqHeader cseq, string callId)
    {
        Method = request.Method;
        Branch = topVia.Branch;
        IsRfc3261 = topVia.HasRfc3261Branch;
        SentBy = new SentBy(topVia.Transport, topVia.Host, topVia.Port);
        RequestUri = request.RequestUri;
        RequestUriText = request.RequestUriText;
        FromTag = request.From?.Tag;
        ToTag = request.To?.Tag;
        CallId = callId;
        CSeq = cseq;
    }

    public string Method { get; }

    public string? Branch { get; }

    public bool IsRfc3261 { get; }

    public SentBy SentBy { get; }

    public SipUri? RequestUri { get; }

    public string RequestUriText { get; }

    public string? FromTag { get; }

    public string? ToTag { get; }

    public string CallId { get; }

    public CSeqHeader CSeq { get; }

    /// <summary>Index key of RFC 3261 transactions: branch and sent-by (§17.2.3).</summary>
    public BranchKey BranchKey => new(Branch ?? string.Empty, SentBy.Host, SentBy.Port);

    /// <summary>Index key of RFC 2543 transactions: fields every §17.2.3 fallback rule compares.</summary>
    public LegacyKey LegacyKey => new(CallId, CSeq.Number, FromTag);

    /// <summary>Key of the §8.2.2.2 merged-request check.</summary>
    public MergeKey MergeKey => new(FromTag, CallId, CSeq.Number, CSeq.Method);

    /// <summary>§8.2.2.2 applies to requests outside a dialog (no To tag); ACK and CANCEL are matched, never merged.</summary>
    public bool CanBeMerged => ToTag is null && Method is not (SipMethods.Ack or SipMethods.Cancel);

    /// <summary>Reads the identity, or fails when the request lacks a parseable top Via, CSeq or Call-ID.</summary>
    public static bool TryCreate(SipRequest request, out ServerTransactionIdentity identity)
    {
        if (request.TopVia is { } topVia && request.CSeq is { } cseq && request.CallId is { Length: > 0 } callId)
        {
            identity = new ServerTransactionIdentity(request, topVia, cseq, callId);
            return true;
        }

        identity = null!;
        return false;
    }

    /// <summary>
    /// §17.2.3: does <paramref name="incoming"/> (not an ACK) belong to the transaction this identity created?
    /// RFC 3261: same branch, sent-by and method. RFC 2543: same Request-URI, To tag, From tag, Call-ID, CSeq and
    /// top Via.
    /// </summary>
    public bool MatchesRequest(ServerTransactionIdentity incoming)
    {
        if (IsRfc3261 || incoming.IsRfc3261)
        {
            return IsRfc3261 && incoming.IsRfc3261 && BranchKey.Equals(incoming.BranchKey) && Method == incoming.Method;
        }

        return SameRequestUri(incoming) && ToTag == incoming.ToTag && SameLegacyDialogAndVia(incoming) && CSeq.Method == incoming.CSeq.Method;
    }

    /// <summary>
    /// §17.2.3 for an ACK: RFC 3261 — the INVITE transaction with the same branch and sent-by. RFC 2543 — same
    /// Request-URI, From tag, Call-ID, CSeq number and top Via, with the ACK's To tag equal to the tag of the
    /// response the transaction sent.
    /// </summary>
    public bool MatchesAck(ServerTransactionIdentity ack, string? responseToTag)
    {
        if (Method != SipMethods.Invite)
        {
            return false;
        }

        if (IsRfc3261 || ack.IsRfc3261)
        {
            return IsRfc3261 && ack.IsRfc3261 && BranchKey.Equals(ack.BranchKey);
        }

        return SameRequestUri(ack) && ack.ToTag == responseToTag && SameLegacyDialogAndVia(ack);
    }

    /// <summary>§9.2: a CANCEL matches the transaction it would match as a request, except for the method.</summary>
    public bool IsCancelledBy(ServerTransactionIdentity cancel)
    {
        if (Method is SipMethods.Cancel or SipMethods.Ack)
        {
            return false;
        }

        if (IsRfc3261 || cancel.IsRfc3261)
        {
            return IsRfc3261 && cancel.IsRfc3261 && BranchKey.Equals(cancel.BranchKey);
        }

        return SameRequestUri(cancel) && ToTag == cancel.ToTag && SameLegacyDialogAndVia(cancel);
    }

    private bool SameRequestUri(ServerTransactionIdentity other) =>
        RequestUri is not null && other.RequestUri is not null
            ? RequestUri.IsEquivalentTo(other.RequestUri)
            : string.Equals(RequestUriText, other.RequestUriText, StringComparison.Ordinal);

    // From tag, Call-ID and CSeq number, then the whole top Via (sent-by, transport and any branch it has).
    private bool SameLegacyDialogAndVia(ServerTransactionIdentity other) =>
        LegacyKey.Equals(other.LegacyKey)
        && SentBy.Equals(other.SentBy)
        && string.Equals(Branch, other.Branch, StringComparison.OrdinalIgnoreCase);
}
