using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls;

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
                reOffer.Answer(_agentSide.Media?.AnswerOffer(reOffer.OfferSdp) ?? MediaNegotiation.NoSession);
                break;
            case AgentOfferRequested request when _agentSide.Media is { } media:
                _agentOfferPending = true;
                request.Offer(media.CreateOffer());
                break;
            case AgentOfferRequested request:
                request.Offer(null);
                break;
            case AgentAcknowledged acknowledged when _agentOfferPending && _agentSide.Media is { } media:
                _agentOfferPending = false;
                TakeAnswer(media, acknowledged.AnswerSdp, "agent");
                break;
            case AgentSessionExpired:
                _services.Logger.LogInformation("Call {CallId}: the agent's session expired", CallId);
                _agentSide.LegEnded();
                Outcome ??= "session-expired";
                Fire(CallTrigger.AgentHungUp);
                break;
        }
    }
}
