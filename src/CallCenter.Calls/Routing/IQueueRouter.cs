using CallCenter.Routing;

namespace CallCenter.Calls.Routing;

/// <summary>
/// How a contact's owner (an inbound call, a callback) talks to routing. Every method only queues the event: the
/// router applies events one at a time, in the order they were posted, on its own executor, and answers through
/// the contact's <see cref="IRoutedContact"/>. Events about a contact routing no longer holds are ignored (logged).
/// </summary>
public interface IQueueRouter
{
    /// <summary>
    /// Hands <paramref name="contact"/> to routing; <paramref name="owner"/> hears of its offers and of its leaving.
    /// Its place in line comes from <see cref="WaitingContact.ArrivedAt"/> (a callback keeps the caller's).
    /// </summary>
    void Enqueue(WaitingContact contact, IRoutedContact owner);

    /// <summary>The offered agent answered: the contact is connected and the agent is on a call.</summary>
    void Answered(string contactId, string agentId);

    /// <summary>The offered agent's phone did not answer (ring timeout ran out on the contact's side, or 408/480).</summary>
    void NoAnswer(string contactId, string agentId);

    /// <summary>The offered agent declined or was busy (486/600/603): the queue's reject delay applies.</summary>
    void Rejected(string contactId, string agentId);

    /// <summary>The contact is gone before or while an agent rang (caller hung up): any reserved agent is released at once.</summary>
    void Abandoned(string contactId);

    /// <summary>
    /// The contact leaves routing without an agent and without giving up: a call that became a callback, a callback
    /// cancelled or rescheduled. Any reserved agent is released at once, like <see cref="Abandoned"/>, but the queue
    /// counts no abandoned call.
    /// </summary>
    void HandedOver(string contactId);

    /// <summary>The connected conversation is over: the agent goes to wrap-up, the handle time is recorded.</summary>
    void Ended(string contactId);

    /// <summary>Sends the contact through routing again with other requirements (an agent's transfer), keeping its arrival time.</summary>
    void Transfer(string contactId, string queueId, IReadOnlyList<SkillRequirement>? requirements);

    /// <summary>The contact's position and estimated wait, or null when it is not waiting.</summary>
    Task<WaitEstimate?> EstimateAsync(string contactId);
}
