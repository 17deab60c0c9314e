using CallCenter.Calls.Legs;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls;

/// <summary>The state machine of <see cref="InboundCall"/>: which event moves the call where, and what each state does.</summary>
public sealed partial class InboundCall
{
    private void Configure()
    {
        var options = _services.Options;

        // A stray key, a late prompt end or a duplicate hang-up must never break a call: log and ignore.
        _machine.OnUnhandledTrigger((state, trigger) =>
            _services.Logger.LogDebug("Call {CallId}: {Trigger} ignored in {State}", CallId, trigger, state));

        _machine.Configure(CallState.Offered)
            .Permit(CallTrigger.Acked, CallState.Greeting)
            .Permit(CallTrigger.Refused, CallState.Ended)
            .Permit(CallTrigger.Release, CallState.Releasing)
            .Permit(CallTrigger.CallerHungUp, CallState.Ended);

        _machine.Configure(CallState.Greeting)
            .OnEntryFrom(CallTrigger.Acked, () => PlayGreeting(null))
            .OnEntryFrom(_digit, _ => PlayGreeting(options.InvalidKeyPrompt))
            .OnEntryFrom(CallTrigger.ChoiceTimeout, () => PlayGreeting(options.NoInputPrompt))
            .PermitIf(_digit, CallState.RingingAgent, key => key == options.AgentKey)
            .PermitReentryIf(_digit, key => key != options.AgentKey && _greetingRepeats < options.MaxGreetingRepeats)
            .PermitIf(_digit, CallState.Releasing, key => key != options.AgentKey && _greetingRepeats >= options.MaxGreetingRepeats)
            .Permit(CallTrigger.PromptFinished, CallState.WaitingForChoice)
            .Permit(CallTrigger.CallerHungUp, CallState.Ended)
            .Permit(CallTrigger.MediaInactive, CallState.Ended);

        _machine.Configure(CallState.WaitingForChoice)
            .OnEntry(() => StartTimer(options.ChoiceTimeout, CallTrigger.ChoiceTimeout))
            .OnExit(StopTimer)
            .PermitIf(_digit, CallState.RingingAgent, key => key == options.AgentKey)
            .PermitIf(_digit, CallState.Greeting, key => key != options.AgentKey && _greetingRepeats < options.MaxGreetingRepeats)
            .PermitIf(_digit, CallState.Releasing, key => key != options.AgentKey && _greetingRepeats >= options.MaxGreetingRepeats)
            .PermitIf(CallTrigger.ChoiceTimeout, CallState.Greeting, () => _greetingRepeats < options.MaxGreetingRepeats)
            .PermitIf(CallTrigger.ChoiceTimeout, CallState.Releasing, () => _greetingRepeats >= options.MaxGreetingRepeats)
            .Permit(CallTrigger.CallerHungUp, CallState.Ended)
            .Permit(CallTrigger.MediaInactive, CallState.Ended);

        _machine.Configure(CallState.RingingAgent)
            .OnEntry(RingAgent)
            .OnExit(StopTimer)
            .Ignore(CallTrigger.PromptFinished)
            .Ignore(CallTrigger.Digit)
            .InternalTransition(CallTrigger.AgentRinging, _ => _callerMedia.PlayRingback())
            .Permit(CallTrigger.AgentAnswered, CallState.Connected)
            .Permit(CallTrigger.AgentFailed, CallState.Releasing)
            .Permit(CallTrigger.NoAgent, CallState.Releasing)
            .Permit(CallTrigger.RingTimeout, CallState.Releasing)
            .Permit(CallTrigger.CallerHungUp, CallState.Ended)
            .Permit(CallTrigger.MediaInactive, CallState.Ended);

        _machine.Configure(CallState.Connected)
            .OnEntryFrom(_agentAnswered, Connect)
            .Ignore(CallTrigger.Digit)
            .Ignore(CallTrigger.PromptFinished)
            .Permit(CallTrigger.CallerHungUp, CallState.Ended)
            .Permit(CallTrigger.AgentHungUp, CallState.Ended)
            .Permit(CallTrigger.MediaInactive, CallState.Ended)
            .Permit(CallTrigger.Release, CallState.Releasing);

        _machine.Configure(CallState.Releasing)
            .OnEntryFrom(_agentFailed, status => Release($"agent-failed-{status}", [options.NoAgentPrompt, options.GoodbyePrompt]))
            .OnEntryFrom(CallTrigger.NoAgent, () => Release("no-agent", [options.NoAgentPrompt, options.GoodbyePrompt]))
            .OnEntryFrom(CallTrigger.RingTimeout, () => Release("agent-no-answer", [options.NoAgentPrompt, options.GoodbyePrompt]))
            .OnEntryFrom(CallTrigger.ChoiceTimeout, () => Release("no-input", [options.NoInputPrompt, options.GoodbyePrompt]))
            .OnEntryFrom(_digit, _ => Release("invalid-input", [options.InvalidKeyPrompt, options.GoodbyePrompt]))
            .OnEntryFrom(CallTrigger.Release, () => Release("released", [options.GoodbyePrompt]))
            .Ignore(CallTrigger.Digit)
            .Permit(CallTrigger.PromptFinished, CallState.Ended)
            .Permit(CallTrigger.CallerHungUp, CallState.Ended)
            .Permit(CallTrigger.MediaInactive, CallState.Ended);

        _machine.Configure(CallState.Ended)
            .OnEntryFrom(CallTrigger.PromptFinished, () => EndCall(hangUpCaller: true, "released"))
            .OnEntryFrom(CallTrigger.CallerHungUp, () => EndCall(hangUpCaller: false, "caller-hangup"))
            .OnEntryFrom(CallTrigger.AgentHungUp, () => EndCall(hangUpCaller: true, "agent-hangup"))
            .OnEntryFrom(CallTrigger.MediaInactive, () => EndCall(hangUpCaller: true, "media-timeout"))
            .OnEntryFrom(CallTrigger.Refused, () => EndCall(hangUpCaller: false, "media-refused"));
    }

    /// <summary>Plays the greeting, after saying what went wrong when it is a repeat.</summary>
    private void PlayGreeting(string? before)
    {
        _greetingRepeats++;
        _callerMedia.Play(before is null ? [_services.Options.GreetingPrompt] : [before, _services.Options.GreetingPrompt], interruptible: true);
    }

    private void RingAgent()
    {
        _agent = _services.Agents.Reserve(CallId);
        if (_agent is null)
        {
            _machine.Fire(CallTrigger.NoAgent);
            return;
        }

        _agentMedia = _services.MediaFactory.Create(CallId + "/agent", e => _executor.Post(() => OnMedia(e, fromAgent: true)));
        _agentLeg = _services.Dialer.Dial(_agent, _caller.Caller ?? "caller", _agentMedia.CreateOffer(), e => _executor.Post(() => OnAgentLeg(e)));
        _callerMedia.Play([_services.Options.ConnectingPrompt], interruptible: false);
        StartTimer(_services.Options.RingTimeout, CallTrigger.RingTimeout);
    }

    private void Connect(string agentSdp)
    {
        if (!_agentMedia!.AcceptAnswer(agentSdp, out var error))
        {
            _services.Logger.LogWarning("Call {CallId}: agent {Agent} answered with unusable SDP: {Error}", CallId, _agent!.Extension, error);
            _agentLeg!.Hangup();
            _agentLeg = null;
            _machine.Fire(CallTrigger.Release);
            return;
        }

        _callerMedia.StopPlayback();
        _callerMedia.Bridge(_agentMedia);
    }

    private void Release(string outcome, string[] prompts)
    {
        Outcome ??= outcome;
        if (_agentLeg is not null)
        {
            // Ringing without answer (RingTimeout) or the call could not be connected: stop the agent's phone.
            _agentLeg.Cancel();
            _agentLeg = null;
        }

        ReleaseAgent();
        _callerMedia.Play(prompts, interruptible: false);
    }

    private void EndCall(bool hangUpCaller, string outcome)
    {
        Outcome ??= outcome;
        StopTimer();
        if (_agentLeg is not null)
        {
            // Cancel while ringing, BYE once answered: the dialer knows which applies.
            _agentLeg.Cancel();
            _agentLeg.Hangup();
            _agentLeg = null;
        }

        if (hangUpCaller)
        {
            _caller.Hangup();
        }

        ReleaseAgent();
        _callerMedia.Dispose();
        _agentMedia?.Dispose();
        _agentMedia = null;
        _services.OnEnded(this);
    }

    private void ReleaseAgent()
    {
        if (_agent is not null && !_agentReleased)
        {
            _agentReleased = true;
            _services.Agents.Release(_agent.Extension, CallId);
        }
    }
}
