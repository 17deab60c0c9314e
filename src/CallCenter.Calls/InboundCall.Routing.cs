using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Calls.Sip;
using CallCenter.Ivr.Runtime;
using CallCenter.Media.Audio;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls;

/// <summary>
/// Where the flow sends the call: an agent with the skills it queued for, or the SIP URI it transferred to. Both are
/// rung over an outbound leg with its own media; the leg and its media belong to one attempt, so events of an attempt
/// the call has given up on (a 487 after our CANCEL, a 200 that crossed it) cannot be taken for the current one.
/// </summary>
public sealed partial class InboundCall
{
    private ICallMedia? _agentMedia;
    private IAgentLeg? _agentLeg;
    private AgentTarget? _reserved;
    private ITimer? _ringTimer;
    private string? _routingFailure;
    private string? _transferUri;
    private int _releasePlayback = -1;

    /// <summary>The flow queued the call: ring the first free agent with every skill asked for, or go back to the flow.</summary>
    private void RingAgent(QueueRequest request)
    {
        _reserved = _services.Agents.Reserve(CallId, request.Skills);
        if (_reserved is null)
        {
            _services.Logger.LogInformation(
                "Call {CallId}: no free agent has the skills [{Skills}]; the flow continues at its no-agent path", CallId, string.Join(", ", request.Skills));
            Fire(CallTrigger.NoAgent);
            return;
        }

        AgentExtension = _reserved.Extension;
        _services.Logger.LogInformation("Call {CallId}: ringing agent {Agent} for [{Skills}]", CallId, _reserved.Extension, string.Join(", ", request.Skills));
        Dial(_reserved);
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
        Dial(target);
    }

    private void Dial(AgentTarget target)
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
        _ringTimer = _services.Time.CreateTimer(
            _ => _executor.Post(() =>
            {
                if (ReferenceEquals(leg, _agentLeg))
                {
                    Fire(CallTrigger.RingTimeout);
                }
            }),
            null,
            _services.Options.RingTimeout,
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
        switch (e)
        {
            case AgentLegEvent.Answered:
                _services.Logger.LogDebug("Call {CallId}: a phone answered after the call gave up on it; hanging it up", CallId);
                leg.Hangup();
                break;
            case AgentReOffered reOffer:
                reOffer.Answer(MediaNegotiation.NoSession);
                break;
            case AgentOfferRequested request:
                request.Offer(null);
                break;
        }
    }

    /// <summary>Caller and agent (or transfer destination) are both up: relay audio between them.</summary>
    private void Connect()
    {
        _routingFailure = null;
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
            _callerMedia.StopPlayback();
        }
    }

    /// <summary>The queued call goes back to the flow, which continues at its no-agent path (or says goodbye).</summary>
    private void ResumeFlow(string reason)
    {
        _routingFailure = reason;
        _run.OnNoAgent();
    }

    /// <summary>Ends the outbound leg (CANCEL while it rings, BYE once answered), frees its media and the agent.</summary>
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
        ReleaseAgent();
    }

    private void ReleaseAgent()
    {
        if (_reserved is { } agent)
        {
            _reserved = null;
            _services.Agents.Release(agent.Extension, CallId);
        }
    }

    /// <summary>The call cannot go on: goodbye in the caller's language (the prompt library falls back to English).</summary>
    private void PlayGoodbye() =>
        _releasePlayback = _callerMedia.Play([FlowLanguage + "/" + PromptKeys.Goodbye], interruptible: false);

    private string Party => _transferUri is null ? "agent " + AgentExtension : _transferUri;
}
