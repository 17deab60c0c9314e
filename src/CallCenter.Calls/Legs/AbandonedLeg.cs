using CallCenter.Calls.Media;

namespace CallCenter.Calls.Legs;

/// <summary>
/// What to do with an event of an outgoing leg its owner has already given up on (cancelled, timed out, replaced). An
/// answer that crossed our CANCEL still makes a dialog, which must be ended with BYE (RFC 3261 §9.1); a re-offer or a
/// request for an offer on a session the owner dropped is refused, leaving the session as it was (RFC 3264 §8).
/// </summary>
internal static class AbandonedLeg
{
    /// <summary>Settles <paramref name="e"/> of the abandoned <paramref name="leg"/>; true when it was an answer that was hung up.</summary>
    public static bool Settle(IAgentLeg leg, AgentLegEvent e)
    {
        switch (e)
        {
            case AgentLegEvent.Answered:
                leg.Hangup();
                return true;
            case AgentReOffered reOffer:
                reOffer.Answer(MediaNegotiation.NoSession);
                return false;
            case AgentOfferRequested request:
                request.Offer(null);
                return false;
            default:
                return false;
        }
    }
}
