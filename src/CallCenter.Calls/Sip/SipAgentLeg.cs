using CallCenter.Calls.Legs;
using CallCenter.Sip.Core;
using CallCenter.Sip.Dialogs;

namespace CallCenter.Calls.Sip;

/// <summary>A call to an agent: CANCEL while it rings, BYE once answered.</summary>
internal sealed class SipAgentLeg(UserAgentCore core, OutgoingInvite invite) : IAgentLeg
{
    private Dialog? _dialog;
    private Action<AgentLegEvent>? _onEvent;

    public void Cancel() => invite.Cancel();

    public void Hangup()
    {
        if (Interlocked.Exchange(ref _dialog, null) is { } dialog)
        {
            _ = core.SendByeAsync(dialog);
        }
    }

    internal void Answered(Dialog dialog, Action<AgentLegEvent> onEvent)
    {
        _dialog = dialog;
        _onEvent = onEvent;
    }

    internal void RaiseHungUp()
    {
        if (Interlocked.Exchange(ref _dialog, null) is not null)
        {
            _onEvent?.Invoke(new AgentLegEvent.HungUp());
        }
    }
}
