using CallCenter.Calls.Media;

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

/// <summary>The agent's phone sent a new offer inside its dialog (hold, resume, a new address: RFC 3264 §8).</summary>
/// <param name="OfferSdp">The offer.</param>
/// <param name="Answer">Gets the answer to send, or the refusal that leaves the session as it was.</param>
internal sealed record AgentReOffered(string OfferSdp, Action<MediaNegotiation> Answer) : AgentLegEvent;

/// <summary>The agent's phone sent a re-INVITE without an offer (RFC 3261 §14.2): ours goes in the 2xx.</summary>
/// <param name="Offer">Gets our offer, or null when the call no longer has the agent's media.</param>
internal sealed record AgentOfferRequested(Action<string?> Offer) : AgentLegEvent;

/// <summary>The agent's phone acknowledged our 2xx to its re-INVITE, with the answer when that 2xx carried our offer.</summary>
/// <param name="AnswerSdp">The answer, if the ACK carried one.</param>
internal sealed record AgentAcknowledged(string? AnswerSdp) : AgentLegEvent;

/// <summary>The agent's session timer ran out (RFC 4028 §10); its leg is already ended with BYE.</summary>
internal sealed record AgentSessionExpired : AgentLegEvent;
