namespace CallCenter.Routing;

/// <summary>Where a live contact is in routing.</summary>
public enum ContactState
{
    /// <summary>In line for an agent.</summary>
    Waiting,

    /// <summary>Offered; an agent's phone is ringing.</summary>
    Ringing,

    /// <summary>Answered by an agent.</summary>
    Connected,
}

/// <summary>A read-only view of a live contact.</summary>
/// <param name="Contact">The contact as handed to routing (its queue may have changed through overflow).</param>
/// <param name="State">Waiting, ringing or connected.</param>
/// <param name="Step">Expansion step in force: 0 = the requirements alone.</param>
/// <param name="AgentId">The agent ringing or connected, or null.</param>
public sealed record ContactSnapshot(WaitingContact Contact, ContactState State, int Step, string? AgentId);
