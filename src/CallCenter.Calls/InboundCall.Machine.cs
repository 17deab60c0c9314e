using Microsoft.Extensions.Logging;
using Stateless;

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
        ConfigureWaiting();
        ConfigureRingingAgent();
        ConfigureTransferring();

        _machine.Configure(CallState.Connected)
            .OnEntryFrom(_agentAnswered, _ => Connect())
            .Ignore(CallTrigger.OfferWithdrawn)
            .Permit(CallTrigger.Requeued, CallState.WaitingInQueue)
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
            .OnEntryFrom(CallTrigger.NoAgent, () => ResumeFlow(_lastAgentFailure ?? "no-agent"))
            .OnEntryFrom(CallTrigger.OfferCallback, RunCallbackOffer)
            .InternalTransition(_digit, (key, _) => _run.OnDigit(key))
            .InternalTransition(_promptFinished, (playback, _) => OnFlowPromptFinished(playback))
            .InternalTransition(_flowTimeout, (generation, _) => _run.OnTimeout(generation))
            .Permit(CallTrigger.Queued, CallState.WaitingInQueue)
            .PermitIf(CallTrigger.Offered, CallState.RingingAgent, () => _contact is not null, "the contact is still in line")
            .Ignore(CallTrigger.OfferWithdrawn)
            .Ignore(CallTrigger.AnnounceDue)
            .Permit(CallTrigger.Transferred, CallState.Transferring)
            .Permit(CallTrigger.FlowHungUp, CallState.Ended)
            .Permit(CallTrigger.CallerHungUp, CallState.Ended)
            .Permit(CallTrigger.MediaInactive, CallState.Ended);

    /// <summary>
    /// The call waits in its queue (see <see cref="InboundCall"/>'s queue part): announcements, comfort noise, the
    /// caller's 1 for a callback. It leaves when routing offers an agent, when it leaves routing (the flow's no-agent
    /// path or the callback offer), or when the caller hangs up.
    /// </summary>
    private void ConfigureWaiting() =>
        _machine.Configure(CallState.WaitingInQueue)
            .OnEntryFrom(_queued, EnterQueue)
            .OnEntryFrom(_agentFailed, _ => StartWaiting(announceNow: false))
            .OnEntryFrom(_withdrawn, _ => StartWaiting(announceNow: false))
            .OnEntryFrom(CallTrigger.Requeued, LeaveAgentForTransfer)
            .OnExit(StopWaiting)
            .InternalTransition(_promptFinished, (playback, _) => OnWaitingPromptFinished(playback))
            .InternalTransition(_digit, (key, _) => OnWaitingDigit(key))
            .InternalTransition(CallTrigger.AnnounceDue, _ => RequestAnnouncement())
            .Ignore(CallTrigger.FlowTimeout)
            .Ignore(CallTrigger.OfferWithdrawn)
            .Permit(CallTrigger.Offered, CallState.RingingAgent)
            .Permit(CallTrigger.NoAgent, CallState.InFlow)
            .Permit(CallTrigger.OfferCallback, CallState.InFlow)
            .Permit(CallTrigger.CallerHungUp, CallState.Ended)
            .Permit(CallTrigger.MediaInactive, CallState.Ended);

    /// <summary>
    /// Routing offered the call to an agent: the agent's phone rings, with ringback to the caller once it reports
    /// ringing, until it answers (connected), refuses or fails (routing hears which, the call waits again) or routing
    /// withdraws the offer at the queue's ring timeout (the leg is cancelled, the call waits again).
    /// </summary>
    private void ConfigureRingingAgent() =>
        ConfigureDialling(CallState.RingingAgent)
            .OnEntryFrom(_offered, RingAgent)
            .PermitIf(_withdrawn, CallState.WaitingInQueue, agent => agent == _ringing?.Extension, "the offer being rung")
            .Permit(CallTrigger.AgentFailed, CallState.WaitingInQueue)
            .Ignore(CallTrigger.AnnounceDue)
            .Ignore(CallTrigger.RingTimeout);

    /// <summary>The flow's transfer URI rings; when it cannot be reached the caller hears goodbye (no flow is left to go back to).</summary>
    private void ConfigureTransferring() =>
        ConfigureDialling(CallState.Transferring)
            .OnEntryFrom(_transferred, DialTransfer)
            .Permit(CallTrigger.AgentFailed, CallState.Releasing)
            .Permit(CallTrigger.RingTimeout, CallState.Releasing)
            .Permit(CallTrigger.Release, CallState.Releasing);

    /// <summary>What ringing an agent and ringing a transfer destination share.</summary>
    private StateMachine<CallState, CallTrigger>.StateConfiguration ConfigureDialling(CallState state) =>
        _machine.Configure(state)
            .OnExit(transition => StopDialling(connected: transition.Destination == CallState.Connected))
            .Ignore(CallTrigger.PromptFinished)
            .Ignore(CallTrigger.Digit)
            .Ignore(CallTrigger.FlowTimeout)
            .InternalTransition(CallTrigger.AgentRinging, _ => _callerMedia.PlayRingback())
            .Permit(CallTrigger.AgentAnswered, CallState.Connected)
            .Permit(CallTrigger.CallerHungUp, CallState.Ended)
            .Permit(CallTrigger.MediaInactive, CallState.Ended);

    /// <summary>Everything the call holds is released: the flow and its timer, the outbound leg, the agent, both media legs.</summary>
    private void EndCall(bool hangUpCaller, string outcome)
    {
        Outcome ??= outcome;
        LeaveRouting();
        EndFlow();
        _agentSide.Drop();
        if (hangUpCaller)
        {
            _caller.Hangup();
        }

        _callerMedia.Dispose();
        _services.OnEnded(this);
    }
}
