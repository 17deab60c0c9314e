namespace CallCenter.Sip.Transactions;

/// <summary>
/// The states of the §17 state machines. Each machine uses a subset: INVITE client Calling → Proceeding →
/// Completed | Accepted; non-INVITE client Trying → Proceeding → Completed; INVITE server Proceeding → Completed →
/// Confirmed | Accepted; non-INVITE server Trying → Proceeding → Completed. All end in Terminated.
/// </summary>
public enum TransactionState
{
    /// <summary>INVITE client: request sent, nothing heard (§17.1.1.2).</summary>
    Calling,

    /// <summary>Non-INVITE client or server: request sent or received, no response yet (§17.1.2.2, §17.2.2).</summary>
    Trying,

    /// <summary>A provisional response was received or sent; INVITE server transactions start here (§17.2.1).</summary>
    Proceeding,

    /// <summary>A 2xx to an INVITE was received or sent (RFC 6026 §7.1, §8.4).</summary>
    Accepted,

    /// <summary>A final (for INVITE: non-2xx) response was received or sent; absorbing retransmissions.</summary>
    Completed,

    /// <summary>INVITE server: the ACK for a non-2xx final arrived (§17.2.1).</summary>
    Confirmed,

    /// <summary>Finished; the transaction has left the layer's tables.</summary>
    Terminated,
}
