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
    /// <summary>A re-INVITE or UPDATE from the peer of <paramref name="party"/>'s dialog.</summary>
    public void OnSessionChange(Dialog dialog, ServerTransaction transaction, ISessionParty party)
    {
        var request = transaction.Request;
        if (SdpBody.Read(request) is { } offerSdp)
        {
            party.AnswerOffer(offerSdp, negotiation =>
            {
                if (negotiation.Accepted)
                {
                    Accept(dialog, transaction, negotiation.AnswerSdp);
                    return;
                }

                Refuse(transaction, negotiation);
            });
        }
        else if (request.Method == SipMethods.Invite)
        {
            party.MakeOffer(offer =>
            {
                if (offer is null)
                {
                    transaction.Respond(transaction.CreateResponse(488));
                    return;
                }

                Accept(dialog, transaction, offer);
            });
        }
        else
        {
            Accept(dialog, transaction, sdp: null);
        }
    }

    /// <summary>The 2xx, through the core so it gets Contact, Supported and the session timer.</summary>
    private void Accept(Dialog dialog, ServerTransaction transaction, string? sdp)
    {
        var ok = transaction.CreateResponse(200);
        if (sdp is not null)
        {
            SdpBody.Attach(ok, sdp);
        }

        if (transaction.Request.Method == SipMethods.Invite)
        {
            core.AcceptReInvite(dialog, transaction, ok);
        }
        else
        {
            core.AcceptUpdate(dialog, transaction, ok);
        }
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
