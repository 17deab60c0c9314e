using Microsoft.Extensions.Logging;

namespace CallCenter.Sip.Transactions;

/// <summary>What every transaction of one layer shares: where to send, whom to tell, the clock and the counters.</summary>
internal sealed class TransactionContext(
    ISipMessageSender sender,
    ITransactionUser user,
    TimeProvider time,
    SipTimerOptions timers,
    ILogger logger,
    SipTransactionCounters counters,
    Action<SipTransaction> onTerminated,
    Func<ServerTransaction, CompletedServerTransaction, bool> handOver)
{
    public ISipMessageSender Sender { get; } = sender;

    public ITransactionUser User { get; } = user;

    public TimeProvider Time { get; } = time;

    public SipTimerOptions Timers { get; } = timers;

    public ILogger Logger { get; } = logger;

    public SipTransactionCounters Counters { get; } = counters;

    /// <summary>Called once, outside the transaction's lock, after it reached Terminated and its user calls were made.</summary>
    public Action<SipTransaction> OnTerminated { get; } = onTerminated;

    /// <summary>
    /// Replaces a Completed non-INVITE server transaction in the layer's table by its compact entry (§17.2.2 on
    /// unreliable transports); false when the table does not hold the transaction. Called under the transaction's lock.
    /// </summary>
    public Func<ServerTransaction, CompletedServerTransaction, bool> HandOver { get; } = handOver;
}
