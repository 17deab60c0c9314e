using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Sip.Core;
using CallCenter.Sip.Dialogs;

namespace CallCenter.Calls.Sip;

/// <summary>
/// A call to an agent: CANCEL while it rings, BYE once answered, and, once answered, the agent's requests inside its
/// dialog (re-INVITE, UPDATE, the ACK of our 2xx) passed to the call as <see cref="AgentLegEvent"/>s.
/// </summary>
internal sealed class SipAgentLeg(UserAgentCore core) : IAgentLeg, ISessionParty
{
    private Dialog? _dialog;
    private Action<AgentLegEvent>? _onEvent;

    /// <summary>The INVITE; set by the dialer right after sending it, before the call can use the leg.</summary>
    public OutgoingInvite? Invite { get; set; }

    public void Cancel() => Invite?.Cancel();

    public void Hangup()
    {
        if (Interlocked.Exchange(ref _dialog, null) is { } dialog)
        {
            _ = core.SendByeAsync(dialog);
        }
    }

    public void AnswerOffer(string offerSdp, Action<MediaNegotiation> answer) =>
        Raise(new AgentReOffered(offerSdp, answer), () => answer(MediaNegotiation.NoSession));

    public void MakeOffer(Action<string?> offer) => Raise(new AgentOfferRequested(offer), () => offer(null));

    public void Acknowledged(string? answerSdp) => Raise(new AgentAcknowledged(answerSdp), null);

    /// <summary>The agent answered: the dialog and the call's event sink, recorded before the dialog can be found.</summary>
    internal void Answered(Dialog dialog, Action<AgentLegEvent> onEvent)
    {
        _onEvent = onEvent;
        _dialog = dialog;
    }

    /// <summary>The agent's dialog ended from its side (<paramref name="lost"/>: a BYE, or its session expired).</summary>
    internal void RaiseLost(AgentLegEvent lost)
    {
        if (Interlocked.Exchange(ref _dialog, null) is not null)
        {
            _onEvent?.Invoke(lost);
        }
    }

    private void Raise(AgentLegEvent e, Action? whenGone)
    {
        if (Volatile.Read(ref _dialog) is not null && _onEvent is { } onEvent)
        {
            onEvent(e);
        }
        else
        {
            whenGone?.Invoke();
        }
    }
}
