using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Store;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.Callbacks;

/// <summary>The customer's side of a callback: dial through the trunk, greet, bridge to the agent, judge how it ended.</summary>
public sealed partial class OutboundCallback
{
    private IAgentLeg? _customerLeg;
    private ICallMedia? _customerMedia;
    private ITimer? _customerRingTimer;
    private int _greetingPlayback = -1;
    private DateTimeOffset _customerAnsweredAt;

    private void DialCustomer()
    {
        _services.Logger.LogInformation("Callback {Id}: dialling {Number}", CallbackId, Number);
        ICallMedia? media = null;
        media = _services.Media.Create(LegId("customer"), e => _executor.Post(() =>
        {
            if (ReferenceEquals(media, _customerMedia))
            {
                OnCustomerMedia(e);
            }
        }));
        _customerMedia = media;

        IAgentLeg? leg = null;
        leg = _services.Trunk.Dial(Number, media.CreateOffer(), e => _executor.Post(() => OnCustomerLeg(leg!, e)));
        _customerLeg = leg;
        _customerRingTimer = _services.Time.CreateTimer(
            _ => _executor.Post(() =>
            {
                if (ReferenceEquals(leg, _customerLeg) && _phase == CallbackPhase.DiallingCustomer)
                {
                    End(CallbackAttemptEnd.NotReached(CallbackAttemptResult.NoAnswer, "no answer"));
                }
            }),
            null,
            _services.Options.CustomerRingTimeout,
            Timeout.InfiniteTimeSpan);
    }

    private void OnCustomerLeg(IAgentLeg leg, AgentLegEvent e)
    {
        if (!ReferenceEquals(leg, _customerLeg))
        {
            OnStaleLeg(leg, e);
            return;
        }

        switch (e)
        {
            case AgentLegEvent.Ringing:
                break;
            case AgentLegEvent.Answered answered:
                OnCustomerAnswered(leg, answered.Sdp);
                break;
            case AgentLegEvent.Failed failed:
                _customerLeg = null;
                End(CallbackAttemptEnd.FromStatus(failed.StatusCode));
                break;
            case AgentLegEvent.HungUp or AgentSessionExpired:
                _customerLeg = null;
                OnCustomerGone();
                break;
            default:
                AnswerSessionChange(e, _customerMedia);
                break;
        }
    }

    /// <summary>The customer answered: they hear the greeting (the agent waits in silence), then the two are bridged.</summary>
    private void OnCustomerAnswered(IAgentLeg leg, string sdp)
    {
        if (_phase != CallbackPhase.DiallingCustomer)
        {
            leg.Hangup();
            return;
        }

        StopCustomerRingTimer();
        if (!_customerMedia!.AcceptAnswer(sdp, out string? error))
        {
            _services.Logger.LogWarning("Callback {Id}: the customer's answer is unusable: {Error}", CallbackId, error);
            End(CallbackAttemptEnd.NotReached(CallbackAttemptResult.Failed, "unusable answer from the trunk"));
            return;
        }

        _customerAnsweredAt = _services.Time.GetUtcNow();
        _phase = CallbackPhase.Greeting;
        _agentMedia?.StopPlayback();
        _greetingPlayback = _customerMedia.Play(CallbackPrompts.One(CallbackPrompts.Greeting, _services.Options.Language), interruptible: false);
    }

    /// <summary>
    /// The customer hung up after answering. Within <see cref="CallbackOptions.ShortAnswer"/> of answering that is not a
    /// real conversation (voicemail, a pick-up and drop): the attempt counts as a short answer and is retried.
    /// </summary>
    private void OnCustomerGone()
    {
        if (_phase is not (CallbackPhase.Greeting or CallbackPhase.Connected))
        {
            return;
        }

        var talked = _services.Time.GetUtcNow() - _customerAnsweredAt;
        End(talked < _services.Options.ShortAnswer
            ? CallbackAttemptEnd.NotReached(CallbackAttemptResult.ShortAnswer, $"answered and hung up after {talked.TotalSeconds:0.#} s")
            : CallbackAttemptEnd.Reached);
    }

    private void OnCustomerMedia(MediaEvent e)
    {
        switch (e)
        {
            case MediaEvent.PromptFinished finished when finished.Playback == _greetingPlayback && _phase == CallbackPhase.Greeting:
                _phase = CallbackPhase.Connected;
                _services.Logger.LogInformation("Callback {Id}: customer connected to agent {Agent}", CallbackId, _agent?.Extension);
                _customerMedia!.Bridge(_agentMedia!);
                break;
            case MediaEvent.Inactive:
                OnCustomerGone();
                break;
        }
    }

    private void DropCustomer()
    {
        StopCustomerRingTimer();
        if (_customerLeg is { } leg)
        {
            _customerLeg = null;
            leg.Cancel();
            leg.Hangup();
        }

        _customerMedia?.Dispose();
        _customerMedia = null;
    }

    private void StopCustomerRingTimer()
    {
        _customerRingTimer?.Dispose();
        _customerRingTimer = null;
    }
}
