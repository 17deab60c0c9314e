using CallCenter.Calls.Media;

namespace CallCenter.Calls.Sip;

/// <summary>
/// One side of a call (the caller's leg or the agent's) as a session change inside its dialog sees it: who answers a
/// new offer (RFC 3264 §8: hold, resume, a new address), who makes an offer when a re-INVITE brings none (RFC 3261
/// §14.2), and who takes the answer the ACK then carries. Each side negotiates only its own media; the other leg's
/// dialog is not touched.
/// </summary>
internal interface ISessionParty
{
    /// <summary>Negotiates the peer's offer on this side's media; <paramref name="answer"/> gets the answer, or the refusal that leaves the session as it was.</summary>
    void AnswerOffer(string offerSdp, Action<MediaNegotiation> answer);

    /// <summary>Makes our offer for a re-INVITE that brought none; <paramref name="offer"/> gets null when this side has no session any more.</summary>
    void MakeOffer(Action<string?> offer);

    /// <summary>The ACK of our 2xx arrived, with the answer when that 2xx carried our offer.</summary>
    void Acknowledged(string? answerSdp);
}
