using CallCenter.Routing;

namespace CallCenter.Calls.Routing;

/// <summary>Where a queue node's request waits and what its caller hears while it does.</summary>
/// <param name="QueueId">The queue (a configured one, or <see cref="DefaultQueueSettings.Name"/>).</param>
/// <param name="Priority">The contact's priority: the request's, never below its queue's.</param>
/// <param name="Requirements">The contact's own requirements, or null for the queue's.</param>
/// <param name="AnnounceEvery">Interval of position and wait announcements, or null for none.</param>
/// <param name="CallbackOfferAfter">Offer a callback when the estimated wait exceeds this; null never on the estimate.</param>
/// <param name="HoldMusic">Prompt key looped between announcements instead of comfort noise; null for comfort noise.</param>
public sealed record QueuePlacement(
    string QueueId,
    int Priority,
    IReadOnlyList<SkillRequirement>? Requirements,
    TimeSpan? AnnounceEvery,
    TimeSpan? CallbackOfferAfter,
    string? HoldMusic = null);

/// <summary>What a call asks routing before it queues: where its request waits, and who could answer a skill.</summary>
public interface IQueuePlanner
{
    /// <summary>The queue and requirements for a queue node asking for <paramref name="skills"/> at <paramref name="priority"/>.</summary>
    QueuePlacement Place(IReadOnlyList<string> skills, int priority);

    /// <summary>
    /// Asks for a waiting contact's position and estimated wait; <paramref name="reply"/> gets it (null when the contact
    /// is not waiting: offered, connected or gone) on the router's executor, after every event posted before.
    /// </summary>
    void Estimate(string contactId, Action<WaitEstimate?> reply);

    /// <summary>True when an agent with <paramref name="skill"/> is logged in and registered (busy or not).</summary>
    bool AgentsAvailable(string skill);
}
