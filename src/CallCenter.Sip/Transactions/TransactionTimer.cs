namespace CallCenter.Sip.Transactions;

/// <summary>The timers of RFC 3261 §17 and RFC 6026 §8, plus the 100 Trying delay and the §9.1 CANCEL wait.</summary>
internal enum TransactionTimer
{
    A,
    B,
    D,
    E,
    F,
    G,
    H,
    I,
    J,
    K,
    L,
    M,
    Trying,
    CancelWait,
}
