namespace CallCenter.Calls.Legs;

/// <summary>What happened on the leg to an agent.</summary>
public abstract record AgentLegEvent
{
    /// <summary>180/183: the agent's phone rings (with early-media SDP when 183 carried one).</summary>
    public sealed record Ringing(string? Sdp) : AgentLegEvent;

    /// <summary>2xx with the agent's SDP answer; the leg is acknowledged and up.</summary>
    public sealed record Answered(string Sdp) : AgentLegEvent;

    /// <summary>A final non-2xx response, or 408/503 for timeout/transport failure.</summary>
    public sealed record Failed(int StatusCode) : AgentLegEvent;

    /// <summary>The agent hung up (BYE) after answering.</summary>
    public sealed record HungUp : AgentLegEvent;
}
