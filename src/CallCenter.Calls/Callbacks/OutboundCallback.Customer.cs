using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Store;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.Callbacks;

/// <summary>The customer's side of a callback: dial through the trunk, greet, bridge to the agent, judge how it ended.</summary>
public sealed partial class OutboundCallback
{
    private int _greetingPlayback = -1;
    private DateTimeOffset _customerAnsweredAt;

    private void DialCustomer()
    {
        _services.Logger.LogInformation("Callback {Id}: dialling {Number}", CallbackId, Number);
        var offer = _customerSide.OpenMedia(_services.Media, LegId("customer"), OnCustomerMedia).CreateOffer();
        _customerSide.Dial(onEvent => _services.Trunk.Dial(Number, offer, onEvent), OnCustomerLeg);
        _customerSide.LimitRinging(_services.Time, _services.Options.CustomerRingTimeout, () =>
        {
            if (_phase == CallbackPhase.DiallingCustomer)
            {
                End(CallbackAttemptEnd.NotReached(CallbackAttemptResult.NoAnswer, "no answer"));
            }
        });
    }

    private void OnCustomerLeg(AgentLegEvent e)
    {
        switch (e)
        {
            case AgentLegEvent.Ringing:
                break;
            case AgentLegEvent.Answered answered:
                OnCustomerAnswered(answered.Sdp);
                break;
            case AgentLegEvent.Failed failed:
                _customerSide.LegEnded();
                End(CallbackAttemptEnd.FromStatus(failed.StatusCode));
                break;
            case AgentLegEvent.HungUp or AgentSessionExpired:
                _customerSide.LegEnded();
                OnCustomerGone();
                break;
            default:
                AnswerSessionChange(e, _customerSide.Media);
                break;
        }
    }

    /// <summary>The customer answered: they hear the greeting (the agent waits in silence), then the two are bridged.</summary>
    private void OnCustomerAnswered(string sdp)
    {
        if (_phase != CallbackPhase.DiallingCustomer)
        {
            _customerSide.Leg?.Hangup();
            return;
        }

        _customerSide.StopRingTimer();
        var media = _customerSide.Media!;
        if (!media.AcceptAnswer(sdp, out string? error))
        {
            _services.Logger.LogWarning("Callback {Id}: the customer's answer is unusable: {Error}", CallbackId, error);
            End(CallbackAttemptEnd.NotReached(CallbackAttemptResult.Failed, "unusable answer from the trunk"));
            return;
        }

        _customerAnsweredAt = _services.Time.GetUtcNow();
        _phase = CallbackPhase.Greeting;
        _agentSide.Media?.StopPlayback();
        _greetingPlayback = media.Play(CallbackPrompts.One(CallbackPrompts.Greeting, _services.Options.Language), interruptible: false);
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
                _customerSide.Media!.Bridge(_agentSide.Media!);
                break;
            case MediaEvent.Inactive:
                OnCustomerGone();
                break;
        }
    }
}
