namespace CallCenter.Sip.Transactions;

/// <summary>The four transaction state machines of RFC 3261 §17.</summary>
public enum TransactionKind
{
    /// <summary>INVITE client transaction (§17.1.1).</summary>
    InviteClient,

    /// <summary>Non-INVITE client transaction (§17.1.2).</summary>
    NonInviteClient,

    /// <summary>INVITE server transaction (§17.2.1).</summary>
    InviteServer,

    /// <summary>Non-INVITE server transaction (§17.2.2).</summary>
    NonInviteServer,
}
