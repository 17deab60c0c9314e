using System.Text;
using CallCenter.Calls.Media;
using CallCenter.Sip.Core;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;

namespace CallCenter.Calls.Sip;

/// <summary>
/// Answers session changes inside an established dialog, for whichever side of the call the dialog belongs to
/// (an <see cref="ISessionParty"/>). A re-INVITE (RFC 3261 §14.2) or UPDATE (RFC 3311 §5.2) with an offer gets that
/// side's answer, or a refusal (488 with a Warning) that leaves the session as it was; a re-INVITE without one gets
/// our offer in the 2xx, whose answer arrives in the ACK; an UPDATE without one is a plain refresh (RFC 4028) and is
/// answered at once. The UA core adds Contact, Supported and the session timer to every 2xx.
/// </summary>
internal sealed class SessionChangeAnswerer(UserAgentCore core)
{
    private const string SdpType = "application/sdp";

    /// <summary>A re-INVITE from the peer of <paramref name="party"/>'s dialog.</summary>
    public void OnReInvite(Dialog dialog, ServerTransaction transaction, ISessionParty party)
    {
        var request = transaction.Request;
        if (!SipCallerLeg.IsSdp(request))
        {
            party.MakeOffer(offer =>
            {
                if (offer is null)
                {
                    transaction.Respond(transaction.CreateResponse(488));
                    return;
                }

                core.AcceptReInvite(dialog, transaction, WithSdp(transaction.CreateResponse(200), offer));
            });
            return;
        }

        party.AnswerOffer(Encoding.UTF8.GetString(request.Body.Span), negotiation =>
        {
            if (negotiation.Accepted)
            {
                core.AcceptReInvite(dialog, transaction, WithSdp(transaction.CreateResponse(200), negotiation.AnswerSdp!));
                return;
            }

            Refuse(transaction, negotiation);
        });
    }

    /// <summary>An UPDATE from the peer of <paramref name="party"/>'s dialog.</summary>
    public void OnUpdate(Dialog dialog, ServerTransaction transaction, ISessionParty party)
    {
        var request = transaction.Request;
        if (!SipCallerLeg.IsSdp(request))
        {
            core.AcceptUpdate(dialog, transaction, transaction.CreateResponse(200));
            return;
        }

        party.AnswerOffer(Encoding.UTF8.GetString(request.Body.Span), negotiation =>
        {
            if (negotiation.Accepted)
            {
                core.AcceptUpdate(dialog, transaction, WithSdp(transaction.CreateResponse(200), negotiation.AnswerSdp!));
                return;
            }

            Refuse(transaction, negotiation);
        });
    }

    private static SipResponse WithSdp(SipResponse ok, string sdp)
    {
        ok.Headers.Add(KnownHeader.ContentType, SdpType);
        ok.Body = Encoding.UTF8.GetBytes(sdp);
        return ok;
    }

    private static void Refuse(ServerTransaction transaction, MediaNegotiation negotiation)
    {
        var refusal = transaction.CreateResponse(negotiation.RefusalStatus);
        if (negotiation.Warning is { } warning)
        {
            refusal.Headers.Add(KnownHeader.Warning, warning);
        }

        transaction.Respond(refusal);
    }
}
