namespace CallCenter.Calls.Legs;

/// <summary>
/// Chooses the agent to ring for a call the IVR flow queued. The call does not depend on how the choice is made: the
/// rule today is <see cref="Sip.RegisteredAgentSelector"/>'s, and queue-based routing replaces it in a later issue.
/// </summary>
public interface IAgentSelector
{
    /// <summary>Reserves and returns an agent who has every one of <paramref name="skills"/>, or null when none is available.</summary>
    /// <param name="callId">The call the agent is reserved for.</param>
    /// <param name="skills">Required skills (e.g. <c>billing</c>, <c>lang-en</c>); empty means any agent.</param>
    AgentTarget? Reserve(string callId, IReadOnlyList<string> skills);

    /// <summary>Frees an agent reserved by <see cref="Reserve"/> (call over, or agent did not answer).</summary>
    void Release(string extension, string callId);

    /// <summary>True when at least one agent with <paramref name="skill"/> is logged in (registered), busy or not.</summary>
    bool AnyLoggedIn(string skill);
}
