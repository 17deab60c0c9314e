namespace CallCenter.Calls.Legs;

/// <summary>Places calls to agents (UAC legs, implemented over the UA core).</summary>
public interface IAgentDialer
{
    /// <summary>Rings <paramref name="target"/> with our SDP offer; events arrive through <paramref name="onEvent"/> in order.</summary>
    IAgentLeg Dial(AgentTarget target, string callerDescription, string offerSdp, Action<AgentLegEvent> onEvent);
}

/// <summary>A call placed to an agent.</summary>
public interface IAgentLeg
{
    /// <summary>Stops ringing (CANCEL); no effect once answered or failed.</summary>
    void Cancel();

    /// <summary>Ends the answered leg (BYE).</summary>
    void Hangup();
}
