namespace CallCenter.Calls.Routing;

/// <summary>
/// The callbacks the centre still owes, per queue: waiting in routing, with an agent, or timed for a later try
/// (rescheduled, or a retry after the customer was not reached). Routing holds only the first two, so the queue figures
/// (<see cref="QueueStatus.CallbacksPending"/>) ask whoever keeps them all.
/// </summary>
public interface ICallbackBacklog
{
    /// <summary>How many callbacks are pending in each queue that has any; thread-safe.</summary>
    IReadOnlyDictionary<string, int> PendingByQueue();
}
