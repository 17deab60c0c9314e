using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Calls.Routing;
using CallCenter.Calls.Sip;
using CallCenter.Media.Audio;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls;

/// <summary>
/// Where the call is sent: the agent routing offered it to, or the SIP URI the flow transferred it to. Both are
/// rung over an outbound leg with its own media; the leg and its media belong to one attempt, so events of an attempt
/// the call has given up on (a 487 after our CANCEL, a 200 that crossed it) cannot be taken for the current one.
/// </summary>
public sealed partial class InboundCall
{
    private readonly DialledSide _agentSide;
    private AgentTarget? _ringing;
    private bool _connectedToAgent;
    private string? _routingFailure;
    private string? _transferUri;
    private int _releasePlayback = -1;

    /// <summary>
    /// Routing offered the call to <paramref name="agent"/> (reserved for it): ring its phone. Routing owns the ring
    /// timeout (it withdraws the offer), so no timer of the call's own runs for an agent.
    /// </summary>
    private void RingAgent(AgentTarget agent)
    {
        // An offer that reaches the callback-offer flow ends that flow: an agent is free, which is what the caller wanted.
        EndFlowQuietly();
        _ringing = agent;
        AgentExtension = agent.Extension;
        _services.Logger.LogInformation("Call {CallId}: ringing agent {Agent}", CallId, agent.Extension);
        Dial(agent, ringTimeout: null);
    }

    /// <summary>The flow transferred the call: ring the URI and bridge it like an agent.</summary>
    private void DialTransfer(string uri)
    {
        _transferUri = uri;
        if (!TransferTarget.TryCreate(uri, out var target, out var error))
        {
            _services.Logger.LogWarning("Call {CallId}: cannot transfer: {Error}; the caller hears goodbye", CallId, error);
            Outcome ??= "transfer-failed";
            Fire(CallTrigger.Release);
            return;
        }

        _services.Logger.LogInformation("Call {CallId}: transferring to {Uri}", CallId, uri);
        Dial(target, _services.Options.RingTimeout);
    }

    private void Dial(AgentTarget target, TimeSpan? ringTimeout)
    {
        var offer = _agentSide.OpenMedia(_services.MediaFactory, CallId + "/agent", e => OnMedia(e, fromAgent: true)).CreateOffer();
        _agentSide.Dial(onEvent => _services.Dialer.Dial(target, _caller.Caller ?? "caller", offer, onEvent), OnAgentLeg);
        if (ringTimeout is { } timeout)
        {
            _agentSide.LimitRinging(_services.Time, timeout, () => Fire(CallTrigger.RingTimeout));
        }
    }

    /// <summary>An event of the current outbound leg (those of a leg given up on are settled by <see cref="DialledSide"/>).</summary>
    private void OnAgentLeg(AgentLegEvent e)
    {
        switch (e)
        {
            case AgentLegEvent.Ringing:
                Fire(CallTrigger.AgentRinging);
                break;
            case AgentLegEvent.Answered answered:
                OnAnswered(answered.Sdp);
                break;
            case AgentLegEvent.Failed failed:
                _services.Logger.LogInformation("Call {CallId}: {Party} did not take the call ({Status})", CallId, Party, failed.StatusCode);
                _agentSide.LegEnded();
                ReportAgentFailure(failed.StatusCode);
                _machine.Fire(_agentFailed, failed.StatusCode);
                break;
            case AgentLegEvent.HungUp:
                _agentSide.LegEnded();
                Fire(CallTrigger.AgentHungUp);
                break;
            default:
                OnAgentSession(e);
                break;
        }
    }

    /// <summary>The rung phone answered: bridge it, unless its answer is unusable (then it counts as not reached).</summary>
    private void OnAnswered(string sdp)
    {
        if (_agentSide.Media is not { } media)
        {
            return;
        }

        if (!media.AcceptAnswer(sdp, out var error))
        {
            _services.Logger.LogWarning("Call {CallId}: {Party} answered with unusable SDP: {Error}", CallId, Party, error);
            _agentSide.Leg?.Hangup();
            _agentSide.LegEnded();
            ReportAgentFailure(488);
            _machine.Fire(_agentFailed, 488);
            return;
        }

        _machine.Fire(_agentAnswered, sdp);
    }

    /// <summary>Caller and agent (or transfer destination) are both up: relay audio between them.</summary>
    private void Connect()
    {
        _routingFailure = null;
        if (_ringing is { } agent && _contact is { } contact)
        {
            _connectedToAgent = true;
            ForbidCallback();
            _services.Router.Answered(contact.Id, agent.Extension);
        }

        _services.Logger.LogInformation("Call {CallId}: connected to {Party}", CallId, Party);
        _callerMedia.StopPlayback();
        _callerMedia.Bridge(_agentSide.Media!);
    }

    /// <summary>Leaving a dialling state: the ring timer stops; unless the phone answered, the attempt is dropped.</summary>
    private void StopDialling(bool connected)
    {
        _agentSide.StopRingTimer();
        if (!connected)
        {
            _agentSide.Drop();
            _ringing = null;
            _callerMedia.StopPlayback();
        }
    }

    /// <summary>
    /// Tells routing why the offered agent was not reached: busy or declined (486, 600, 603) is a rejection and the
    /// queue's reject delay applies; anything else (no answer, 408, 480, a transport failure) counts as not answered.
    /// </summary>
    private void ReportAgentFailure(int status)
    {
        if (_state != CallState.RingingAgent || _ringing is not { } agent || _contact is not { } contact)
        {
            return;
        }

        _lastAgentFailure = _services.Router.NotReached(contact.Id, agent.Extension, status) ? "agent-failed-" + status : "agent-no-answer";
    }

    /// <summary>The queued call left routing: back to the flow, which continues at its no-agent path (or says goodbye).</summary>
    private void ResumeFlow(string reason)
    {
        _routingFailure = reason;
        _run.OnNoAgent();
    }

    /// <summary>The call cannot go on: goodbye in the caller's language (the prompt library falls back to English).</summary>
    private void PlayGoodbye() =>
        _releasePlayback = _callerMedia.Play([FlowLanguage + "/" + PromptKeys.Goodbye], interruptible: false);

    private string Party => _transferUri is null ? "agent " + AgentExtension : _transferUri;
}
