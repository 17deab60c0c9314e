using Microsoft.Extensions.Logging;

namespace CallCenter.Calls;

/// <summary>The state machine of <see cref="InboundCall"/>: which event moves the call where, and what each state does.</summary>
public sealed partial class InboundCall
{
    private void Configure()
    {
        // A stray key, a late prompt end or a duplicate hang-up must never break a call: log and ignore.
        _machine.OnUnhandledTrigger((state, trigger) =>
            _services.Logger.LogDebug("Call {CallId}: {Trigger} ignored in {State}", CallId, trigger, state));

        _machine.Configure(CallState.Offered)
            .Permit(CallTrigger.Acked, CallState.InFlow)
            .Permit(CallTrigger.Refused, CallState.Ended)
            .Permit(CallTrigger.Release, CallState.Releasing)
            .Permit(CallTrigger.CallerHungUp, CallState.Ended);

        ConfigureInFlow();
        ConfigureDialling(CallState.RingingAgent);
        ConfigureDialling(CallState.Transferring);

        _machine.Configure(CallState.Connected)
            .OnEntryFrom(_agentAnswered, _ => Connect())
            .Ignore(CallTrigger.Digit)
            .Ignore(CallTrigger.PromptFinished)
            .Permit(CallTrigger.CallerHungUp, CallState.Ended)
            .Permit(CallTrigger.AgentHungUp, CallState.Ended)
            .Permit(CallTrigger.MediaInactive, CallState.Ended);

        _machine.Configure(CallState.Releasing)
            .OnEntryFrom(_agentFailed, status => Outcome ??= "transfer-failed")
            .OnEntryFrom(CallTrigger.RingTimeout, () => Outcome ??= "transfer-no-answer")
            .OnEntry(PlayGoodbye)
            .Ignore(CallTrigger.Digit)
            .PermitIf(_promptFinished, CallState.Ended, playback => playback == _releasePlayback, "goodbye played")
            .Permit(CallTrigger.CallerHungUp, CallState.Ended)
            .Permit(CallTrigger.MediaInactive, CallState.Ended);

        _machine.Configure(CallState.Ended)
            .OnEntryFrom(_promptFinished, _ => EndCall(hangUpCaller: true, "released"))
            .OnEntryFrom(CallTrigger.FlowHungUp, () => EndCall(hangUpCaller: true, _routingFailure ?? "released"))
            .OnEntryFrom(CallTrigger.CallerHungUp, () => EndCall(hangUpCaller: false, "caller-hangup"))
            .OnEntryFrom(CallTrigger.AgentHungUp, () => EndCall(hangUpCaller: true, _transferUri is null ? "agent-hangup" : "transfer-hangup"))
            .OnEntryFrom(CallTrigger.MediaInactive, () => EndCall(hangUpCaller: true, "media-timeout"))
            .OnEntryFrom(CallTrigger.Refused, () => EndCall(hangUpCaller: false, "media-refused"));
    }

    /// <summary>
    /// The flow runs: the caller's keys, the ends of the flow's prompts and the flow's timer go to the run, in the order
    /// they reach the call. The run leaves the flow through <see cref="Ivr.Runtime.IFlowHost"/>: queue, transfer or hang up.
    /// </summary>
    private void ConfigureInFlow() =>
        _machine.Configure(CallState.InFlow)
            .OnEntryFrom(CallTrigger.Acked, _run.Start)
            .OnEntryFrom(CallTrigger.NoAgent, () => ResumeFlow("no-agent"))
            .OnEntryFrom(_agentFailed, status => ResumeFlow("agent-failed-" + status))
            .OnEntryFrom(CallTrigger.RingTimeout, () => ResumeFlow("agent-no-answer"))
            .InternalTransition(_digit, (key, _) => _run.OnDigit(key))
            .InternalTransition(_promptFinished, (playback, _) => OnFlowPromptFinished(playback))
            .InternalTransition(_flowTimeout, (generation, _) => _run.OnTimeout(generation))
            .Permit(CallTrigger.Queued, CallState.RingingAgent)
            .Permit(CallTrigger.Transferred, CallState.Transferring)
            .Permit(CallTrigger.FlowHungUp, CallState.Ended)
            .Permit(CallTrigger.CallerHungUp, CallState.Ended)
            .Permit(CallTrigger.MediaInactive, CallState.Ended);

    /// <summary>
    /// An agent's phone or a transfer destination rings, with ringback to the caller once it reports ringing. When it
    /// answers, the call is connected; when it cannot be reached, a queued call goes back to the flow's no-agent path
    /// and a transferred one (which has no flow left to go back to) is released.
    /// </summary>
    private void ConfigureDialling(CallState state)
    {
        var failed = state == CallState.RingingAgent ? CallState.InFlow : CallState.Releasing;
        var dialling = _machine.Configure(state)
            .OnExit(transition => StopDialling(connected: transition.Destination == CallState.Connected))
            .Ignore(CallTrigger.PromptFinished)
            .Ignore(CallTrigger.Digit)
            .Ignore(CallTrigger.FlowTimeout)
            .InternalTransition(CallTrigger.AgentRinging, _ => _callerMedia.PlayRingback())
            .Permit(CallTrigger.AgentAnswered, CallState.Connected)
            .Permit(CallTrigger.AgentFailed, failed)
            .Permit(CallTrigger.RingTimeout, failed)
            .Permit(CallTrigger.CallerHungUp, CallState.Ended)
            .Permit(CallTrigger.MediaInactive, CallState.Ended);
        if (state == CallState.RingingAgent)
        {
            dialling.OnEntryFrom(_queued, RingAgent).Permit(CallTrigger.NoAgent, CallState.InFlow);
        }
        else
        {
            dialling.OnEntryFrom(_transferred, DialTransfer).Permit(CallTrigger.Release, CallState.Releasing);
        }
    }

    /// <summary>Everything the call holds is released: the flow and its timer, the outbound leg, the agent, both media legs.</summary>
    private void EndCall(bool hangUpCaller, string outcome)
    {
        Outcome ??= outcome;
        EndFlow();
        _ringTimer?.Dispose();
        _ringTimer = null;
        DropAgentLeg();
        if (hangUpCaller)
        {
            _caller.Hangup();
        }

        _callerMedia.Dispose();
        _services.OnEnded(this);
    }
}
