using System.Collections.Concurrent;
using System.Text;
using CallCenter.Calls.Legs;
using CallCenter.Sip.Core;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;

namespace CallCenter.Calls.Sip;

/// <summary>
/// Rings agents through the UA core (UAC INVITE to the Contact they registered, over the flow they registered on),
/// transfer destinations and trunk calls (<see cref="Trunks.SipTrunkDialer"/>) the same way, and knows which leg each
/// answered dialog belongs to.
/// </summary>
internal sealed class SipAgentDialer(UserAgentCore core) : IAgentDialer
{
    private readonly ConcurrentDictionary<DialogId, SipAgentLeg> _answered = new();

    public IAgentLeg Dial(AgentTarget target, string callerDescription, string offerSdp, Action<AgentLegEvent> onEvent)
    {
        // A transfer destination may be a bare host (sip:192.0.2.7): no user part then, rather than an empty one.
        var user = target.Extension.Length == 0 ? null : target.Extension;
        var to = new NameAddress(new SipUri("sip", user, target.Contact.Host, target.Contact.Port), target.DisplayName);
        var from = new NameAddress(new SipUri("sip", "callcenter", target.Contact.Host), callerDescription);
        return Place(target.Contact, to, from, target.Route, offerSdp, null, onEvent);
    }

    /// <summary>
    /// Places a call leg (agents, transfer destinations, and calls out through a trunk): an INVITE with our offer whose
    /// answered dialog this dialer maps to the leg, so the far end's BYE, re-INVITE and UPDATE reach it. With
    /// <paramref name="credentials"/>, a 401/407 is answered with them (RFC 3261 §22.2) within the same leg.
    /// </summary>
    internal SipAgentLeg Place(
        SipUri requestUri,
        NameAddress to,
        NameAddress from,
        SipRemote destination,
        string offerSdp,
        UacCredentials? credentials,
        Action<AgentLegEvent> onEvent)
    {
        var leg = new SipAgentLeg(core);
        var invite = core.Invite(
            requestUri,
            to,
            from,
            destination,
            Encoding.UTF8.GetBytes(offerSdp),
            SdpBody.ContentType,
            response => onEvent(new AgentLegEvent.Ringing(SdpBody.Read(response))),
            (dialog, ok) => OnAnswered(leg, dialog, ok, onEvent),
            credentials);
        leg.Invite = invite;
        _ = ReportFailureAsync(invite, onEvent);
        return leg;
    }

    /// <summary>The leg an answered agent dialog belongs to, or null.</summary>
    public SipAgentLeg? Find(DialogId dialog) => _answered.GetValueOrDefault(dialog);

    /// <summary>Tells the leg's owner that the agent's side ended, when the ended dialog is one of ours.</summary>
    public bool OnDialogEnded(Dialog dialog, string reason)
    {
        if (!_answered.TryRemove(dialog.Id, out var leg))
        {
            return false;
        }

        switch (reason)
        {
            case UserAgentCore.ByeSent:
                break;
            case UserAgentCore.SessionExpired:
                leg.RaiseLost(new AgentSessionExpired());
                break;
            default:
                leg.RaiseLost(new AgentLegEvent.HungUp());
                break;
        }

        return true;
    }

    /// <summary>
    /// Called by the core before the answered dialog's ACK leaves, so an agent who hangs up (or re-INVITEs) the instant
    /// it has the ACK finds the leg mapped, and the call hears "answered" before "hung up". The leg is mapped before it
    /// can hang up: a <see cref="SipAgentLeg.Hangup"/> from the call (on this thread or another, as soon as the call hears
    /// "answered") ends a dialog this dialer already knows, and its BYE follows the ACK.
    /// </summary>
    private void OnAnswered(SipAgentLeg leg, Dialog dialog, SipResponse ok, Action<AgentLegEvent> onEvent)
    {
        _answered[dialog.Id] = leg;
        leg.Answered(dialog, onEvent);
        onEvent(new AgentLegEvent.Answered(Encoding.UTF8.GetString(ok.Body.Span)));
    }

    private static async Task ReportFailureAsync(OutgoingInvite invite, Action<AgentLegEvent> onEvent)
    {
        var outcome = await invite.Outcome.ConfigureAwait(false);
        if (outcome.Dialog is null)
        {
            onEvent(new AgentLegEvent.Failed(outcome.StatusCode));
        }
    }
}
