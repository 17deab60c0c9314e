using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Routing;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.Callbacks;

/// <summary>The agent's side of a callback: ring the reserved agent, whisper the number, keep them on the line.</summary>
public sealed partial class OutboundCallback
{
    private AgentTarget? _agent;
    private IAgentLeg? _agentLeg;
    private ICallMedia? _agentMedia;
    private ITimer? _agentRingTimer;
    private int _agentPlayback = -1;
    private CallbackAttemptEnd? _pendingEnd;

    /// <summary>Routing reserved <paramref name="agent"/> for this callback: ring it until <paramref name="deadline"/>.</summary>
    private void RingAgent(AgentTarget agent, DateTimeOffset deadline)
    {
        if (_phase != CallbackPhase.Waiting)
        {
            // Stopped (routing drops the contact and withdraws the offer itself) or already busy with an agent.
            _services.Logger.LogDebug("Callback {Id}: offer of agent {Agent} ignored while {Phase}", CallbackId, agent.Extension, _phase);
            return;
        }

        _agent = agent;
        _phase = CallbackPhase.RingingAgent;
        _services.Logger.LogInformation("Callback {Id}: ringing agent {Agent}", CallbackId, agent.Extension);
        ICallMedia? media = null;
        media = _services.Media.Create(LegId("agent"), e => _executor.Post(() =>
        {
            if (ReferenceEquals(media, _agentMedia))
            {
                OnAgentMedia(e);
            }
        }));
        _agentMedia = media;

        IAgentLeg? leg = null;
        leg = _services.Agents.Dial(agent, "Callback " + Number, media.CreateOffer(), e => _executor.Post(() => OnAgentLeg(leg!, e)));
        _agentLeg = leg;
        var ringFor = deadline - _services.Time.GetUtcNow();
        _agentRingTimer = _services.Time.CreateTimer(
            _ => _executor.Post(() => OnAgentRingTimeout(leg)), null, ringFor > TimeSpan.Zero ? ringFor : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void OnAgentRingTimeout(IAgentLeg leg)
    {
        if (!ReferenceEquals(leg, _agentLeg) || _phase != CallbackPhase.RingingAgent)
        {
            return;
        }

        string agent = _agent!.Extension;
        BackToWaiting();
        _services.Router.NoAnswer(Contact.Id, agent);
    }

    /// <summary>Routing took the offer back (its ring timeout, or the contact is gone): stop ringing, keep waiting.</summary>
    private void OnWithdrawn(string agentId, WithdrawReason reason)
    {
        if (_phase == CallbackPhase.RingingAgent && _agent?.Extension == agentId)
        {
            _services.Logger.LogInformation("Callback {Id}: offer to agent {Agent} withdrawn ({Reason})", CallbackId, agentId, reason);
            BackToWaiting();
        }
    }

    private void OnAgentLeg(IAgentLeg leg, AgentLegEvent e)
    {
        if (!ReferenceEquals(leg, _agentLeg))
        {
            OnStaleLeg(leg, e);
            return;
        }

        switch (e)
        {
            case AgentLegEvent.Ringing:
                break;
            case AgentLegEvent.Answered answered:
                OnAgentAnswered(leg, answered.Sdp);
                break;
            case AgentLegEvent.Failed failed when _phase == CallbackPhase.RingingAgent:
                OnAgentFailed(failed.StatusCode);
                break;
            case AgentLegEvent.HungUp or AgentSessionExpired:
                _agentLeg = null;
                OnAgentGone();
                break;
            default:
                AnswerSessionChange(e, _agentMedia);
                break;
        }
    }

    /// <summary>The agent answered: routing hears so (the agent is on this call now), the whisper plays, the customer is dialled.</summary>
    private void OnAgentAnswered(IAgentLeg leg, string sdp)
    {
        string agent = _agent!.Extension;
        if (!_agentMedia!.AcceptAnswer(sdp, out string? error))
        {
            _services.Logger.LogWarning("Callback {Id}: agent {Agent} answered with unusable SDP: {Error}", CallbackId, agent, error);
            leg.Hangup();
            BackToWaiting();
            _services.Router.NoAnswer(Contact.Id, agent);
            return;
        }

        StopAgentRingTimer();
        _phase = CallbackPhase.DiallingCustomer;
        _services.Router.Answered(Contact.Id, agent);
        _agentPlayback = _agentMedia.Play(CallbackPrompts.WhisperFor(Number, _services.Options.Language), interruptible: false);
        DialCustomer();
    }

    /// <summary>The agent's phone refused or could not be reached: routing applies its reject delay or counts a miss.</summary>
    private void OnAgentFailed(int status)
    {
        string agent = _agent!.Extension;
        _services.Logger.LogInformation("Callback {Id}: agent {Agent} did not take the callback ({Status})", CallbackId, agent, status);
        _agentLeg = null;
        BackToWaiting();

        // 486 Busy Here, 600 Busy Everywhere, 603 Decline: the agent said no (RFC 3261 §21.4.24, §21.6.1, §21.6.2).
        if (status is 486 or 600 or 603)
        {
            _services.Router.Rejected(Contact.Id, agent);
        }
        else
        {
            _services.Router.NoAnswer(Contact.Id, agent);
        }
    }

    /// <summary>The agent hung up after answering.</summary>
    private void OnAgentGone()
    {
        switch (_phase)
        {
            case CallbackPhase.Connected:
                End(CallbackAttemptEnd.Reached);
                break;
            case CallbackPhase.InformingAgent:
                End(_pendingEnd!);
                break;
            default:
                End(CallbackAttemptEnd.Interrupted("the agent hung up before talking to the customer"));
                break;
        }
    }

    private void OnAgentMedia(MediaEvent e)
    {
        switch (e)
        {
            case MediaEvent.PromptFinished finished when finished.Playback == _agentPlayback && _phase == CallbackPhase.DiallingCustomer:
                // Whisper over: the agent hears the customer's phone ringing.
                _agentMedia!.PlayRingback();
                break;
            case MediaEvent.PromptFinished finished when finished.Playback == _agentPlayback && _phase == CallbackPhase.InformingAgent:
                End(_pendingEnd!);
                break;
            case MediaEvent.Inactive when _phase >= CallbackPhase.DiallingCustomer:
                OnAgentGone();
                break;
        }
    }

    /// <summary>
    /// The customer was not reached but the agent is on the line: they hear so before their call ends. False when
    /// there is no agent media to play it on.
    /// </summary>
    private bool InformAgent(CallbackAttemptEnd end)
    {
        if (_agentMedia is not { } media || _agentLeg is null)
        {
            return false;
        }

        DropCustomer();
        _pendingEnd = end;
        _phase = CallbackPhase.InformingAgent;
        _agentPlayback = media.Play(CallbackPrompts.One(CallbackPrompts.NotReached, _services.Options.Language), interruptible: false);
        return true;
    }

    /// <summary>The offer is over without an answer: the leg and its media go, and the try waits in routing again.</summary>
    private void BackToWaiting()
    {
        DropAgent();
        _phase = CallbackPhase.Waiting;
    }

    private void DropAgent()
    {
        StopAgentRingTimer();
        if (_agentLeg is { } leg)
        {
            _agentLeg = null;
            leg.Cancel();
            leg.Hangup();
        }

        _agentMedia?.Dispose();
        _agentMedia = null;
    }

    private void StopAgentRingTimer()
    {
        _agentRingTimer?.Dispose();
        _agentRingTimer = null;
    }
}
