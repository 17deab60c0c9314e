using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls;

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

/// <summary>
/// Session changes on the agent's leg. They touch only the agent's media: an agent who holds the call (a=sendonly) is
/// answered a=recvonly, so nothing is relayed to that phone until it resumes (RFC 3264 §6.1, §8.4), while the caller's
/// leg and dialog stay as they are.
/// </summary>
public sealed partial class InboundCall
{
    private bool _agentOfferPending;

    private void OnAgentSession(AgentLegEvent e)
    {
        switch (e)
        {
            case AgentReOffered reOffer:
                // Without the agent's media (the call is ending) the offer is refused and the session stays as it was.
                reOffer.Answer(_agentMedia?.AnswerOffer(reOffer.OfferSdp) ?? new MediaNegotiation(null, 488, null));
                break;
            case AgentOfferRequested request when _agentMedia is { } media:
                _agentOfferPending = true;
                request.Offer(media.CreateOffer());
                break;
            case AgentOfferRequested request:
                request.Offer(null);
                break;
            case AgentAcknowledged acknowledged when _agentOfferPending && _agentMedia is { } media:
                _agentOfferPending = false;
                TakeAnswer(media, acknowledged.AnswerSdp, "agent");
                break;
            case AgentSessionExpired:
                _services.Logger.LogInformation("Call {CallId}: the agent's session expired", CallId);
                _agentLeg = null;
                Outcome ??= "session-expired";
                Fire(CallTrigger.AgentHungUp);
                break;
        }
    }
}
