using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Calls.Routing;
using CallCenter.Routing;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.Callbacks;

/// <summary>The agent's side of a callback: ring the reserved agent, whisper the number, keep them on the line.</summary>
public sealed partial class OutboundCallback
{
    private AgentTarget? _agent;
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
        var offer = _agentSide.OpenMedia(_services.Media, LegId("agent"), OnAgentMedia).CreateOffer();
        _agentSide.Dial(onEvent => _services.Agents.Dial(agent, "Callback " + Number, offer, onEvent), OnAgentLeg);
        _agentSide.LimitRinging(_services.Time, deadline - _services.Time.GetUtcNow(), OnAgentRingTimeout);
    }

    private void OnAgentRingTimeout()
    {
        if (_phase != CallbackPhase.RingingAgent)
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

    private void OnAgentLeg(AgentLegEvent e)
    {
        switch (e)
        {
            case AgentLegEvent.Ringing:
                break;
            case AgentLegEvent.Answered answered:
                OnAgentAnswered(answered.Sdp);
                break;
            case AgentLegEvent.Failed failed when _phase == CallbackPhase.RingingAgent:
                OnAgentFailed(failed.StatusCode);
                break;
            case AgentLegEvent.HungUp or AgentSessionExpired:
                _agentSide.LegEnded();
                OnAgentGone();
                break;
            default:
                AnswerSessionChange(e, _agentSide.Media);
                break;
        }
    }

    /// <summary>
    /// The agent answered: routing hears so (the agent is on this call now) and the whisper plays; the customer is dialled
    /// only once it has been said, so the agent always hears the whole number before a customer can answer.
    /// </summary>
    private void OnAgentAnswered(string sdp)
    {
        string agent = _agent!.Extension;
        var media = _agentSide.Media!;
        if (!media.AcceptAnswer(sdp, out string? error))
        {
            _services.Logger.LogWarning("Callback {Id}: agent {Agent} answered with unusable SDP: {Error}", CallbackId, agent, error);
            BackToWaiting();
            _services.Router.NoAnswer(Contact.Id, agent);
            return;
        }

        _agentSide.StopRingTimer();
        _phase = CallbackPhase.Whispering;
        _services.Router.Answered(Contact.Id, agent);
        _agentPlayback = media.Play(CallbackPrompts.WhisperFor(Number, _services.Options.Language), interruptible: false);
    }

    /// <summary>The agent's phone refused or could not be reached: routing applies its reject delay or counts a miss.</summary>
    private void OnAgentFailed(int status)
    {
        string agent = _agent!.Extension;
        _services.Logger.LogInformation("Callback {Id}: agent {Agent} did not take the callback ({Status})", CallbackId, agent, status);
        _agentSide.LegEnded();
        BackToWaiting();
        _services.Router.NotReached(Contact.Id, agent, status);
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
            case MediaEvent.PromptFinished finished when finished.Playback == _agentPlayback && _phase == CallbackPhase.Whispering:
                // Whisper over: the customer is dialled and the agent hears their phone ringing.
                _phase = CallbackPhase.DiallingCustomer;
                _agentSide.Media!.PlayRingback();
                DialCustomer();
                break;
            case MediaEvent.PromptFinished finished when finished.Playback == _agentPlayback && _phase == CallbackPhase.InformingAgent:
                End(_pendingEnd!);
                break;
            case MediaEvent.Inactive when _phase >= CallbackPhase.Whispering:
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
        if (_agentSide.Media is not { } media || _agentSide.Leg is null)
        {
            return false;
        }

        _customerSide.Drop();
        _pendingEnd = end;
        _phase = CallbackPhase.InformingAgent;
        _agentPlayback = media.Play(CallbackPrompts.One(CallbackPrompts.NotReached, _services.Options.Language), interruptible: false);
        return true;
    }

    /// <summary>
    /// The offer is over without a usable answer: the leg (cancelled, or hung up when it answered) and its media go, and
    /// the try waits in routing again.
    /// </summary>
    private void BackToWaiting()
    {
        _agentSide.Drop();
        _phase = CallbackPhase.Waiting;
    }
}
