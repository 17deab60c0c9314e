using CallCenter.Calls.Actor;
using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using Microsoft.Extensions.Logging;
using Stateless;

namespace CallCenter.Calls;

/// <summary>
/// One inbound call, owned by one <see cref="SerialExecutor"/>: every event (SIP, media, timers) is posted
/// to it and handled in order by a Stateless machine, so the call's state needs no locks. The flow is the
/// walking skeleton: answer, greet, wait for the agent key, ring an agent with ringback to the caller,
/// then relay audio both ways until either side hangs up. Every path ends in <see cref="CallState.Ended"/>,
/// which releases the media, the agent and the timers.
/// </summary>
public sealed partial class InboundCall
{
    private readonly StateMachine<CallState, CallTrigger> _machine;
    private readonly StateMachine<CallState, CallTrigger>.TriggerWithParameters<char> _digit;
    private readonly StateMachine<CallState, CallTrigger>.TriggerWithParameters<string> _agentAnswered;
    private readonly StateMachine<CallState, CallTrigger>.TriggerWithParameters<int> _agentFailed;
    private readonly SerialExecutor _executor;
    private readonly ICallerSignalling _caller;
    private readonly CallServices _services;
    private readonly ICallMedia _callerMedia;
    private ICallMedia? _agentMedia;
    private IAgentLeg? _agentLeg;
    private AgentTarget? _agent;
    private bool _agentReleased;
    private ITimer? _timer;
    private int _greetingRepeats;
    private CallState _state = CallState.Offered;

    internal InboundCall(ICallerSignalling caller, CallServices services, Action<Action> dispatch)
    {
        _caller = caller;
        _services = services;
        _executor = new SerialExecutor(dispatch, e => services.Logger.LogError(e, "Call {CallId}: event handler failed", caller.CallId));
        _callerMedia = services.MediaFactory.Create(caller.CallId + "/caller", e => _executor.Post(() => OnMedia(e, fromAgent: false)));
        _machine = new StateMachine<CallState, CallTrigger>(() => _state, s => _state = s, FiringMode.Queued);
        _digit = _machine.SetTriggerParameters<char>(CallTrigger.Digit);
        _agentAnswered = _machine.SetTriggerParameters<string>(CallTrigger.AgentAnswered);
        _agentFailed = _machine.SetTriggerParameters<int>(CallTrigger.AgentFailed);
        Configure();
    }

    /// <summary>The caller's signalling leg (the manager finds its map keys there when the call ends).</summary>
    internal ICallerSignalling Signalling => _caller;

    /// <summary>Call-ID of the caller's leg.</summary>
    public string CallId => _caller.CallId;

    /// <summary>The current state (read from any thread for views; changes only on the call's executor).</summary>
    public CallState State => _state;

    /// <summary>How the call ended, once it has (e.g. "agent-hangup", "caller-hangup-while-ringing", "media-refused").</summary>
    public string? Outcome { get; private set; }

    /// <summary>The agent's extension once one was chosen.</summary>
    public string? AgentExtension => _agent?.Extension;

    /// <summary>Starts the call: negotiates the caller's media and answers.</summary>
    public void Start() => _executor.Post(Answer);

    /// <summary>The caller's ACK arrived (with the SDP answer when our 200 carried the offer).</summary>
    public void OnAck(string? sdp) => _executor.Post(() =>
    {
        if (_caller.Offer is null && sdp is not null && !_callerMedia.AcceptAnswer(sdp, out var error))
        {
            _services.Logger.LogWarning("Call {CallId}: unusable SDP in ACK: {Error}", CallId, error);
            Fire(CallTrigger.Release);
            return;
        }

        Fire(CallTrigger.Acked);
    });

    /// <summary>The caller hung up (BYE) or cancelled (CANCEL).</summary>
    public void OnCallerHangup() => _executor.Post(() => Fire(CallTrigger.CallerHungUp));

    /// <summary>
    /// The caller sent a new offer in a re-INVITE (hold, resume, address change: RFC 3264 §8): negotiated on the
    /// call's executor like every other event; <paramref name="answer"/> gets the outcome to send.
    /// </summary>
    public void OnCallerReOffer(string offerSdp, Action<MediaNegotiation> answer) =>
        _executor.Post(() => answer(_callerMedia.AnswerOffer(offerSdp)));

    /// <summary>A key press that arrived by SIP INFO (RFC 4733 and in-band come through the media events).</summary>
    public void OnInfoDigit(char key) => _executor.Post(() => OnMedia(new MediaEvent.Digit(key, "sip-info"), fromAgent: false));

    private void Fire(CallTrigger trigger) => _machine.Fire(trigger);

    private void Answer()
    {
        if (_caller.Offer is null)
        {
            // RFC 3264 §4 / RFC 3261 §13.2.1: no offer in the INVITE, so our 200 carries the offer and the ACK the answer.
            _caller.Answer(_callerMedia.CreateOffer());
            return;
        }

        var negotiation = _callerMedia.AnswerOffer(_caller.Offer);
        if (!negotiation.Accepted)
        {
            _caller.Reject(negotiation.RefusalStatus, negotiation.Warning);
            Outcome = "media-refused";
            Fire(CallTrigger.Refused);
            return;
        }

        _caller.Answer(negotiation.AnswerSdp!);
    }

    private void OnMedia(MediaEvent e, bool fromAgent)
    {
        switch (e)
        {
            case MediaEvent.Digit digit when !fromAgent:
                _machine.Fire(_digit, digit.Key);
                break;
            case MediaEvent.PromptFinished when !fromAgent:
                Fire(CallTrigger.PromptFinished);
                break;
            case MediaEvent.Inactive:
                Outcome ??= fromAgent ? "agent-media-timeout" : "caller-media-timeout";
                Fire(CallTrigger.MediaInactive);
                break;
        }
    }

    private void OnAgentLeg(AgentLegEvent e)
    {
        switch (e)
        {
            case AgentLegEvent.Ringing:
                Fire(CallTrigger.AgentRinging);
                break;
            case AgentLegEvent.Answered answered:
                _machine.Fire(_agentAnswered, answered.Sdp);
                break;
            case AgentLegEvent.Failed failed:
                _agentLeg = null;
                _machine.Fire(_agentFailed, failed.StatusCode);
                break;
            case AgentLegEvent.HungUp:
                _agentLeg = null;
                Fire(CallTrigger.AgentHungUp);
                break;
        }
    }

    private void StartTimer(TimeSpan after, CallTrigger trigger)
    {
        _timer?.Dispose();
        _timer = _services.Time.CreateTimer(_ => _executor.Post(() => Fire(trigger)), null, after, Timeout.InfiniteTimeSpan);
    }

    private void StopTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }
}
