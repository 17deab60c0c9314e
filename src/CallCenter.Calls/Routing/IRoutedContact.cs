using CallCenter.Calls.Legs;
using CallCenter.Routing;

namespace CallCenter.Calls.Routing;

/// <summary>
/// What routing tells the owner of a contact. Called on the router's executor: an implementation must only post the
/// news to its own executor and return (never block, never call back into the router synchronously).
/// </summary>
public interface IRoutedContact
{
    /// <summary>
    /// Ring <paramref name="agent"/> (reserved for this contact) until <paramref name="ringDeadline"/>; report the outcome
    /// with <see cref="IQueueRouter.Answered"/>, <see cref="IQueueRouter.NoAnswer"/> or <see cref="IQueueRouter.Rejected"/>.
    /// </summary>
    void Offer(AgentTarget agent, DateTimeOffset ringDeadline);

    /// <summary>Stop ringing <paramref name="agentId"/>: routing withdrew the offer (ring timeout, or the contact left).</summary>
    void Withdraw(string agentId, WithdrawReason reason);

    /// <summary>The contact left routing without an agent: offer a callback or play a message, as <paramref name="action"/> says.</summary>
    void Left(FallbackAction action, LeaveReason reason);
}
