namespace CallCenter.Routing;

/// <summary>Where an agent is in its working day, as far as routing is concerned.</summary>
public enum AgentState
{
    /// <summary>Not working; never offered a call and not counted as staffed.</summary>
    LoggedOut,

    /// <summary>Ready for a call. Offered one only while its softphone is also registered.</summary>
    Available,

    /// <summary>A call has been offered and the agent's phone is ringing.</summary>
    Reserved,

    /// <summary>Talking to a caller.</summary>
    OnCall,

    /// <summary>After-call work; becomes available when the queue's wrap-up time has passed.</summary>
    WrapUp,

    /// <summary>Logged in but not taking calls, with a reason (break, "missed calls", reject delay).</summary>
    Paused,
}
