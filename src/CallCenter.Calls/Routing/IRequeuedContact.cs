using CallCenter.Routing;

namespace CallCenter.Calls.Routing;

/// <summary>
/// A contact owner that can go back in line while connected: an agent transferred it through routing
/// (<see cref="IQueueRouter.Transfer"/>), so it leaves that agent and waits for the agent the new requirements find.
/// Called on the router's executor, before any offer of the new wait; implementations only post to their own executor.
/// </summary>
public interface IRequeuedContact
{
    /// <summary>The connected contact was sent back through routing as <paramref name="contact"/> (new queue, requirements, arrival).</summary>
    void Requeued(WaitingContact contact);
}
