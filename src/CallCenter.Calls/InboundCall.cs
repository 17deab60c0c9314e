using CallCenter.Calls.Actor;
using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Calls.Sip;
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
public sealed partial class InboundCall : ISessionParty
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
    private bool _callerOfferPending;
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

    /// <summary>
    /// The caller's ACK arrived, for the answer or for a re-INVITE's 2xx, with the SDP answer when that 2xx carried our
    /// offer (RFC 3261 §13.2.1, §14.2). An unusable answer to the offer in our first 200 releases the call; one to a
    /// later offer leaves the session as it was.
    /// </summary>
    public void OnAck(string? sdp) => _executor.Post(() =>
    {
        if (_callerOfferPending && TakeAnswer(_callerMedia, sdp, "caller") is { } error && _state == CallState.Offered)
        {
            _services.Logger.LogWarning("Call {CallId}: unusable SDP in ACK: {Error}", CallId, error);
            _callerOfferPending = false;
            Fire(CallTrigger.Release);
            return;
        }

        _callerOfferPending = false;
        Fire(CallTrigger.Acked);
    });

    /// <summary>The caller hung up (BYE) or cancelled (CANCEL).</summary>
    public void OnCallerHangup() => _executor.Post(() => Fire(CallTrigger.CallerHungUp));

    /// <summary>The caller's session timer ran out (RFC 4028 §10): its leg is already ended with BYE; the agent's follows.</summary>
    public void OnCallerSessionExpired() => _executor.Post(() =>
    {
        Outcome ??= "session-expired";
        Fire(CallTrigger.CallerHungUp);
    });

    /// <summary>
    /// The caller sent a new offer in a re-INVITE or UPDATE (hold, resume, address change: RFC 3264 §8): negotiated on
    /// the call's executor like every other event; <paramref name="answer"/> gets the outcome to send.
    /// </summary>
    public void OnCallerReOffer(string offerSdp, Action<MediaNegotiation> answer) =>
        _executor.Post(() => answer(_callerMedia.AnswerOffer(offerSdp)));

    /// <summary>
    /// The caller sent a re-INVITE without an offer (RFC 3261 §14.2): <paramref name="offer"/> gets ours for the 2xx
    /// (null once the call has ended), and the answer is taken from the ACK.
    /// </summary>
    public void OnCallerOfferRequested(Action<string?> offer) => _executor.Post(() =>
    {
        if (_state == CallState.Ended)
        {
            offer(null);
            return;
        }

        _callerOfferPending = true;
        offer(_callerMedia.CreateOffer());
    });

    void ISessionParty.AnswerOffer(string offerSdp, Action<MediaNegotiation> answer) => OnCallerReOffer(offerSdp, answer);

    void ISessionParty.MakeOffer(Action<string?> offer) => OnCallerOfferRequested(offer);

    void ISessionParty.Acknowledged(string? answerSdp) => OnAck(answerSdp);

    /// <summary>A key press that arrived by SIP INFO (RFC 4733 and in-band come through the media events).</summary>
    public void OnInfoDigit(char key) => _executor.Post(() => OnMedia(new MediaEvent.Digit(key, "sip-info"), fromAgent: false));

    private void Fire(CallTrigger trigger) => _machine.Fire(trigger);

    private void Answer()
    {
        if (_caller.Offer is null)
        {
            // RFC 3264 §4 / RFC 3261 §13.2.1: no offer in the INVITE, so our 200 carries the offer and the ACK the answer.
            _callerOfferPending = true;
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
            default:
                OnAgentSession(e);
                break;
        }
    }

    /// <summary>
    /// Applies the answer an ACK carried to the offer we made on <paramref name="media"/>; the reason it is unusable
    /// (null when it was applied). Without an answer the session stays as it was.
    /// </summary>
    private string? TakeAnswer(ICallMedia media, string? answerSdp, string side)
    {
        if (answerSdp is null)
        {
            _services.Logger.LogWarning("Call {CallId}: the {Side}'s ACK carried no answer to our offer; the session is unchanged", CallId, side);
            return null;
        }

        if (media.AcceptAnswer(answerSdp, out var error))
        {
            return null;
        }

        _services.Logger.LogWarning("Call {CallId}: the {Side}'s answer in the ACK is unusable ({Error}); the session is unchanged", CallId, side, error);
        return error ?? "unusable answer";
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
