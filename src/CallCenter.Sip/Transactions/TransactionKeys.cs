namespace CallCenter.Sip.Transactions;

/// <summary>
/// A Via sent-by with its transport. Hosts compare case-insensitively (§19.1.4 host comparison); an absent port
/// differs from an explicit one, as a retransmission repeats the Via unchanged.
/// </summary>
internal readonly record struct SentBy(string Transport, string Host, int? Port)
{
    public bool Equals(SentBy other) =>
        string.Equals(Transport, other.Transport, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase)
        && Port == other.Port;

    public override int GetHashCode() =>
        HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(Host), Port);
}

/// <summary>
/// Branch plus sent-by, the RFC 3261 server transaction key without the method (§17.2.3). Branch values compare
/// case-insensitively: §7.3.1 makes parameter values case-insensitive unless a header says otherwise.
/// </summary>
internal readonly record struct BranchKey(string Branch, string Host, int? Port)
{
    public bool Equals(BranchKey other) =>
        string.Equals(Branch, other.Branch, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase)
        && Port == other.Port;

    public override int GetHashCode() =>
        HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(Branch), StringComparer.OrdinalIgnoreCase.GetHashCode(Host), Port);

    /// <summary>A 64-bit digest of the key (see <see cref="Transactions.Fingerprint"/>); a match must be confirmed.</summary>
    public ulong Fingerprint()
    {
        var fingerprint = new Fingerprint(1);
        fingerprint.AddAsciiCaseless(Branch);
        fingerprint.AddAsciiCaseless(Host);
        fingerprint.Add(Port ?? -1);
        return fingerprint.ToUInt64();
    }
}

/// <summary>Call-ID (compared byte for byte, §20.8), CSeq number and From tag: the index of RFC 2543 transactions.</summary>
internal readonly record struct LegacyKey(string CallId, long CSeqNumber, string? FromTag);

/// <summary>From tag, Call-ID and CSeq: what §8.2.2.2 compares to detect a merged request.</summary>
internal readonly record struct MergeKey(string? FromTag, string CallId, long CSeqNumber, string CSeqMethod)
{
    /// <summary>A 64-bit digest of the key (see <see cref="Transactions.Fingerprint"/>); a match must be confirmed.</summary>
    public ulong Fingerprint()
    {
        var fingerprint = new Fingerprint(2);
        fingerprint.AddOrdinal(FromTag);
        fingerprint.AddOrdinal(CallId);
        fingerprint.Add(CSeqNumber);
        fingerprint.AddOrdinal(CSeqMethod);
        return fingerprint.ToUInt64();
    }
}

/// <summary>Branch and method: the client transaction key (§17.1.3).</summary>
internal readonly record struct ClientTransactionKey(string Branch, string Method)
{
    public bool Equals(ClientTransactionKey other) =>
        string.Equals(Branch, other.Branch, StringComparison.OrdinalIgnoreCase) && string.Equals(Method, other.Method, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(Branch), Method);
}
