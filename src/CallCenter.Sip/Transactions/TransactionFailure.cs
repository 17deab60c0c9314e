namespace CallCenter.Sip.Transactions;

/// <summary>Why a transaction reported a failure to its user.</summary>
public enum TransactionFailure
{
    /// <summary>
    /// A timer ran out: Timer B or F on a client transaction (the user treats it as 408, §8.1.3.1), the §9.1 wait after
    /// a CANCEL, or Timer H on an INVITE server transaction (the ACK for a non-2xx final never came, §17.2.1).
    /// </summary>
    Timeout,

    /// <summary>The transport could not send a message of the transaction (§17.1.4, §17.2.4).</summary>
    TransportError,
}
