namespace CallCenter.Routing;

/// <summary>Something the engine decided and the call layer has to carry out.</summary>
/// <param name="At">When it was decided (the event's or the timer's time).</param>
public abstract record RoutingDecision(DateTimeOffset At);

/// <summary>Ring <paramref name="AgentId"/> for <paramref name="Contact"/>; the agent is now <see cref="AgentState.Reserved"/>.</summary>
/// <param name="At">Decision time.</param>
/// <param name="Contact">The contact offered.</param>
/// <param name="AgentId">The agent reserved for it.</param>
/// <param name="RingDeadline">When the engine will withdraw the offer as not answered.</param>
public sealed record Offer(DateTimeOffset At, WaitingContact Contact, string AgentId, DateTimeOffset RingDeadline) : RoutingDecision(At);

/// <summary>Why an offer was withdrawn.</summary>
public enum WithdrawReason
{
    /// <summary>The queue's ring timeout passed (ring-no-answer); the contact went back to its place in line.</summary>
    RingTimeout,

    /// <summary>The caller hung up while the agent's phone rang; the agent is released.</summary>
    CallerAbandoned,
}

/// <summary>Stop ringing <paramref name="AgentId"/> for <paramref name="ContactId"/>.</summary>
/// <param name="At">Decision time.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="AgentId">The agent whose phone should stop ringing.</param>
/// <param name="Reason">Why.</param>
public sealed record OfferWithdrawn(DateTimeOffset At, string ContactId, string AgentId, WithdrawReason Reason) : RoutingDecision(At);

/// <summary>The engine paused an agent (e.g. "missed calls").</summary>
/// <param name="At">Decision time.</param>
/// <param name="AgentId">The agent.</param>
/// <param name="Reason">The pause reason.</param>
public sealed record AgentPaused(DateTimeOffset At, string AgentId, string Reason) : RoutingDecision(At);

/// <summary>A waiting contact reached the next skill-expansion step; its place in line is unchanged.</summary>
/// <param name="At">Decision time (the step's due time).</param>
/// <param name="ContactId">The contact.</param>
/// <param name="Step">The step now in force: 1 is the queue's first <see cref="ExpansionStep"/>.</param>
public sealed record ContactExpanded(DateTimeOffset At, string ContactId, int Step) : RoutingDecision(At);

/// <summary>A contact moved to another queue, keeping its original arrival time.</summary>
/// <param name="At">Decision time.</param>
/// <param name="ContactId">The contact.</param>
/// <param name="FromQueueId">The queue it left.</param>
/// <param name="ToQueueId">The queue it now waits in.</param>
public sealed record ContactOverflowed(DateTimeOffset At, string ContactId, string FromQueueId, string ToQueueId) : RoutingDecision(At);

/// <summary>Why a contact left routing without an agent.</summary>
public enum LeaveReason
{
    /// <summary>It reached the queue's maximum wait.</summary>
    MaxWait,

    /// <summary>No eligible agent was logged in when it arrived.</summary>
    NobodyLoggedIn,
}

/// <summary>A contact left routing; the call layer offers a callback or plays a message, as <paramref name="Action"/> says.</summary>
/// <param name="At">Decision time.</param>
/// <param name="Contact">The contact that left.</param>
/// <param name="Action"><see cref="FallbackAction.Callback"/> or <see cref="FallbackAction.Message"/>.</param>
/// <param name="Reason">Why it left.</param>
public sealed record ContactLeft(DateTimeOffset At, WaitingContact Contact, FallbackAction Action, LeaveReason Reason) : RoutingDecision(At);
