namespace CallCenter.Calls.Legs;

/// <summary>
/// Chooses the agent to ring. This walking-skeleton rule (the first registered agent not already on a call)
/// is replaced by skill-based routing in a later issue; the call does not depend on how the choice is made.
/// </summary>
public interface IAgentSelector
{
    /// <summary>Reserves and returns an agent, or null when none is available.</summary>
    AgentTarget? Reserve(string callId);

    /// <summary>Frees an agent reserved by <see cref="Reserve"/> (call over, or agent did not answer).</summary>
    void Release(string extension, string callId);
}
