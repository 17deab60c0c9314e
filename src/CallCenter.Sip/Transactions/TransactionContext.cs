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
    Action<SipTransaction> onTerminated)
{
    public ISipMessageSender Sender { get; } = sender;

    public ITransactionUser User { get; } = user;

    public TimeProvider Time { get; } = time;

    public SipTimerOptions Timers { get; } = timers;

    public ILogger Logger { get; } = logger;

    public SipTransactionCounters Counters { get; } = counters;

    /// <summary>Called once, outside the transaction's lock, after it reached Terminated and its user calls were made.</summary>
    public Action<SipTransaction> OnTerminated { get; } = onTerminated;
}
