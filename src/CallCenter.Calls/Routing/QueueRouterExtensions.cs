namespace CallCenter.Calls.Routing;

/// <summary>Routing events derived from what a dialled agent's phone answered.</summary>
public static class QueueRouterExtensions
{
    /// <summary>
    /// Tells routing why the offered agent was not reached, from the final status of its INVITE: busy or declined
    /// (486 Busy Here, 600 Busy Everywhere, 603 Decline: RFC 3261 §21.4.24, §21.6.1, §21.6.2) is a rejection and the
    /// queue's reject delay applies; anything else (408, 480, a transport failure) counts as not answered.
    /// </summary>
    /// <returns>True when it was reported as a rejection.</returns>
    public static bool NotReached(this IQueueRouter router, string contactId, string agentId, int status)
    {
        if (status is 486 or 600 or 603)
        {
            router.Rejected(contactId, agentId);
            return true;
        }

        router.NoAnswer(contactId, agentId);
        return false;
    }
}
