using System.Collections.Concurrent;
using System.Text;
using CallCenter.Calls.Legs;
using CallCenter.Sip.Core;
using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;

namespace CallCenter.Calls.Sip;

/// <summary>Rings agents through the UA core (UAC INVITE to the Contact they registered, over the flow they registered on).</summary>
internal sealed class SipAgentDialer(UserAgentCore core) : IAgentDialer
{
    private readonly ConcurrentDictionary<DialogId, SipAgentLeg> _answered = new();

    public IAgentLeg Dial(AgentTarget target, string callerDescription, string offerSdp, Action<AgentLegEvent> onEvent)
    {
        var to = new NameAddress(new SipUri("sip", target.Extension, target.Contact.Host, target.Contact.Port), target.DisplayName);
        var from = new NameAddress(new SipUri("sip", "callcenter", target.Contact.Host), callerDescription);
        var invite = core.Invite(
            target.Contact,
            to,
            from,
            target.Route,
            Encoding.UTF8.GetBytes(offerSdp),
            "application/sdp",
            response => onEvent(new AgentLegEvent.Ringing(SipCallerLeg.IsSdp(response) ? Encoding.UTF8.GetString(response.Body.Span) : null)));
        var leg = new SipAgentLeg(core, invite);
        _ = CompleteAsync(leg, invite, onEvent);
        return leg;
    }

    /// <summary>Tells the leg's owner that the agent hung up, when the ended dialog is one of ours.</summary>
    public bool OnDialogEnded(Dialog dialog, string reason)
    {
        if (!_answered.TryRemove(dialog.Id, out var leg))
        {
            return false;
        }

        if (reason == UserAgentCore.ByeFromPeer)
        {
            leg.RaiseHungUp();
        }

        return true;
    }

    private async Task CompleteAsync(SipAgentLeg leg, OutgoingInvite invite, Action<AgentLegEvent> onEvent)
    {
        var outcome = await invite.Outcome.ConfigureAwait(false);
        if (outcome.Dialog is { } dialog && outcome.Response is { } ok)
        {
            leg.Answered(dialog, onEvent);
            _answered[dialog.Id] = leg;
            onEvent(new AgentLegEvent.Answered(Encoding.UTF8.GetString(ok.Body.Span)));
            return;
        }

        onEvent(new AgentLegEvent.Failed(outcome.StatusCode));
    }
}
