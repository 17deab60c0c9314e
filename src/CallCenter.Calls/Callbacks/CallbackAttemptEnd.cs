using CallCenter.Store;

namespace CallCenter.Calls.Callbacks;

/// <summary>How one try of a callback ended, as the scheduler needs to know it.</summary>
internal enum CallbackAttemptEndKind
{
    /// <summary>The customer was reached and talked to the agent: the callback is done.</summary>
    Reached,

    /// <summary>The customer was not reached (no answer, busy, short answer, failure): an attempt is counted.</summary>
    NotReached,

    /// <summary>
    /// The try stopped before the customer was dialled or for a reason that is not the customer's (the agent hung up
    /// first, routing let the contact go): it goes back in line later without counting an attempt.
    /// </summary>
    Interrupted,
}

/// <summary>The end of one try.</summary>
/// <param name="Kind">Reached, not reached, or interrupted.</param>
/// <param name="Result">What is recorded in the store for a reached or not-reached customer.</param>
/// <param name="Reason">In words, for the log and the given-up reason.</param>
internal sealed record CallbackAttemptEnd(CallbackAttemptEndKind Kind, CallbackAttemptResult Result, string Reason)
{
    public static CallbackAttemptEnd Reached { get; } = new(CallbackAttemptEndKind.Reached, CallbackAttemptResult.Answered, "reached");

    public static CallbackAttemptEnd NotReached(CallbackAttemptResult result, string reason) => new(CallbackAttemptEndKind.NotReached, result, reason);

    public static CallbackAttemptEnd Interrupted(string reason) => new(CallbackAttemptEndKind.Interrupted, CallbackAttemptResult.Failed, reason);

    /// <summary>
    /// What a final SIP status to the customer's INVITE means for the attempt: busy (486, 600; RFC 3261 §21.4.24,
    /// §21.6.1), no answer (408 timeout, 480 unavailable, 487 our CANCEL after the ring timeout), else a failure
    /// (declined, number unknown, trunk refused).
    /// </summary>
    public static CallbackAttemptEnd FromStatus(int status) => status switch
    {
        486 or 600 => NotReached(CallbackAttemptResult.Busy, "busy"),
        408 or 480 or 487 => NotReached(CallbackAttemptResult.NoAnswer, "no answer"),
        _ => NotReached(CallbackAttemptResult.Failed, "call failed (" + status + ")"),
    };
}
