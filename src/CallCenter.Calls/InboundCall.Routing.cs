using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
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
    private ICallMedia? _agentMedia;
    private IAgentLeg? _agentLeg;
    private AgentTarget? _ringing;
    private bool _connectedToAgent;
    private ITimer? _ringTimer;
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
        ICallMedia? media = null;
        media = _services.MediaFactory.Create(CallId + "/agent", e => _executor.Post(() =>
        {
            // A leg given up on is disposed, but an event it raised just before may still be on its way.
            if (ReferenceEquals(media, _agentMedia))
            {
                OnMedia(e, fromAgent: true);
            }
        }));
        _agentMedia = media;

        IAgentLeg? leg = null;
        leg = _services.Dialer.Dial(target, _caller.Caller ?? "caller", media.CreateOffer(), e => _executor.Post(() => OnAgentLeg(leg!, e)));
        _agentLeg = leg;
        if (ringTimeout is not { } timeout)
        {
            return;
        }

        _ringTimer = _services.Time.CreateTimer(
            _ => _executor.Post(() =>
            {
                if (ReferenceEquals(leg, _agentLeg))
                {
                    Fire(CallTrigger.RingTimeout);
                }
            }),
            null,
            timeout,
            Timeout.InfiniteTimeSpan);
    }

    private void OnAgentLeg(IAgentLeg leg, AgentLegEvent e)
    {
        if (!ReferenceEquals(leg, _agentLeg))
        {
            OnAbandonedLeg(leg, e);
            return;
        }

        switch (e)
        {
            case AgentLegEvent.Ringing:
                Fire(CallTrigger.AgentRinging);
                break;
            case AgentLegEvent.Answered answered:
                OnAnswered(leg, answered.Sdp);
                break;
            case AgentLegEvent.Failed failed:
                _services.Logger.LogInformation("Call {CallId}: {Party} did not take the call ({Status})", CallId, Party, failed.StatusCode);
                _agentLeg = null;
                ReportAgentFailure(failed.StatusCode);
                _machine.Fire(_agentFailed, failed.StatusCode);
                break;
            case AgentLegEvent.HungUp:
                _agentLeg = null;
                Fire(CallTrigger.AgentHungUp);
                break;
            default:
                OnAgentSession(e);
                break;
        }
    }

    /// <summary>The rung phone answered: bridge it, unless its answer is unusable (then it counts as not reached).</summary>
    private void OnAnswered(IAgentLeg leg, string sdp)
    {
        if (_agentMedia is not { } media)
        {
            return;
        }

        if (!media.AcceptAnswer(sdp, out var error))
        {
            _services.Logger.LogWarning("Call {CallId}: {Party} answered with unusable SDP: {Error}", CallId, Party, error);
            leg.Hangup();
            _agentLeg = null;
            ReportAgentFailure(488);
            _machine.Fire(_agentFailed, 488);
            return;
        }

        _machine.Fire(_agentAnswered, sdp);
    }

    /// <summary>
    /// An event of a leg the call no longer uses. Its answer crossed our CANCEL (RFC 3261 §9.1: the dialog must then be
    /// ended with BYE), or it asks about a session the call has dropped (refused, RFC 3264 §8).
    /// </summary>
    private void OnAbandonedLeg(IAgentLeg leg, AgentLegEvent e)
    {
        if (AbandonedLeg.Settle(leg, e))
        {
            _services.Logger.LogDebug("Call {CallId}: a phone answered after the call gave up on it; hung it up", CallId);
        }
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
        _callerMedia.Bridge(_agentMedia!);
    }

    /// <summary>Leaving a dialling state: the ring timer stops; unless the phone answered, the attempt is dropped.</summary>
    private void StopDialling(bool connected)
    {
        _ringTimer?.Dispose();
        _ringTimer = null;
        if (!connected)
        {
            DropAgentLeg();
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

        if (status is 486 or 600 or 603)
        {
            _lastAgentFailure = "agent-failed-" + status;
            _services.Router.Rejected(contact.Id, agent.Extension);
        }
        else
        {
            _lastAgentFailure = "agent-no-answer";
            _services.Router.NoAnswer(contact.Id, agent.Extension);
        }
    }

    /// <summary>The queued call left routing: back to the flow, which continues at its no-agent path (or says goodbye).</summary>
    private void ResumeFlow(string reason)
    {
        _routingFailure = reason;
        _run.OnNoAgent();
    }

    /// <summary>Ends the outbound leg (CANCEL while it rings, BYE once answered) and frees its media.</summary>
    private void DropAgentLeg()
    {
        if (_agentLeg is { } leg)
        {
            _agentLeg = null;
            leg.Cancel();
            leg.Hangup();
        }

        _agentMedia?.Dispose();
        _agentMedia = null;
    }

    /// <summary>The call cannot go on: goodbye in the caller's language (the prompt library falls back to English).</summary>
    private void PlayGoodbye() =>
        _releasePlayback = _callerMedia.Play([FlowLanguage + "/" + PromptKeys.Goodbye], interruptible: false);

    private string Party => _transferUri is null ? "agent " + AgentExtension : _transferUri;
}
