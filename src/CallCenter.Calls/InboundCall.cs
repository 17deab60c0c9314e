using CallCenter.Calls.Actor;
using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Calls.Sip;
using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Runtime;
using Microsoft.Extensions.Logging;
using Stateless;

namespace CallCenter.Calls;

/// <summary>
/// One inbound call, owned by one <see cref="SerialExecutor"/>: every event (SIP, media, timers) is posted to it and
/// handled in order by a Stateless machine of call-level states, so the call's state needs no locks. Once answered the
/// call runs its number's IVR flow (a <see cref="FlowRun"/> it feeds with the caller's keys, prompt ends and the flow's
/// timer, and hosts as its <see cref="IFlowHost"/>); the flow ends by queueing the call (it waits in a routing queue,
/// hearing its position and estimated wait and comfort noise between, until routing offers it to an agent, who is rung
/// with ringback to the caller; then audio is relayed both ways), by transferring it to a SIP URI (rung and bridged
/// the same way), or by hanging up. Every path ends in <see cref="CallState.Ended"/>, which releases the
/// media, the agent, the flow and the timers.
/// </summary>
public sealed partial class InboundCall : ISessionParty
{
    private readonly StateMachine<CallState, CallTrigger> _machine;
    private readonly StateMachine<CallState, CallTrigger>.TriggerWithParameters<char> _digit;
    private readonly StateMachine<CallState, CallTrigger>.TriggerWithParameters<int> _promptFinished;
    private readonly StateMachine<CallState, CallTrigger>.TriggerWithParameters<int> _flowTimeout;
    private readonly StateMachine<CallState, CallTrigger>.TriggerWithParameters<QueueRequest> _queued;
    private readonly StateMachine<CallState, CallTrigger>.TriggerWithParameters<string> _transferred;
    private readonly StateMachine<CallState, CallTrigger>.TriggerWithParameters<string> _agentAnswered;
    private readonly StateMachine<CallState, CallTrigger>.TriggerWithParameters<int> _agentFailed;
    private readonly StateMachine<CallState, CallTrigger>.TriggerWithParameters<AgentTarget> _offered;
    private readonly StateMachine<CallState, CallTrigger>.TriggerWithParameters<string> _withdrawn;
    private readonly SerialExecutor _executor;
    private readonly ICallerSignalling _caller;
    private readonly CallServices _services;
    private readonly ICallMedia _callerMedia;
    private FlowRun _run;
    private bool _callerOfferPending;
    private CallState _state = CallState.Offered;

    internal InboundCall(ICallerSignalling caller, FlowDefinition flow, CallServices services, Action<Action> dispatch)
    {
        _caller = caller;
        _services = services;
        _executor = new SerialExecutor(dispatch, e => services.Logger.LogError(e, "Call {CallId}: event handler failed", caller.CallId));
        _agentSide = new DialledSide(_executor);
        _callerMedia = services.MediaFactory.Create(caller.CallId + "/caller", e => _executor.Post(() => OnMedia(e, fromAgent: false)));
        _run = services.Flows.CreateRun(flow, new FlowHost(this), caller.Caller ?? string.Empty, caller.Dialled);
        FlowName = flow.Name;
        _machine = new StateMachine<CallState, CallTrigger>(() => _state, s => _state = s, FiringMode.Queued);
        _digit = _machine.SetTriggerParameters<char>(CallTrigger.Digit);
        _promptFinished = _machine.SetTriggerParameters<int>(CallTrigger.PromptFinished);
        _flowTimeout = _machine.SetTriggerParameters<int>(CallTrigger.FlowTimeout);
        _queued = _machine.SetTriggerParameters<QueueRequest>(CallTrigger.Queued);
        _transferred = _machine.SetTriggerParameters<string>(CallTrigger.Transferred);
        _agentAnswered = _machine.SetTriggerParameters<string>(CallTrigger.AgentAnswered);
        _agentFailed = _machine.SetTriggerParameters<int>(CallTrigger.AgentFailed);
        _offered = _machine.SetTriggerParameters<AgentTarget>(CallTrigger.Offered);
        _withdrawn = _machine.SetTriggerParameters<string>(CallTrigger.OfferWithdrawn);
        _routed = new RoutedContact(this);
        Configure();
    }

    /// <summary>The caller's signalling leg (the manager finds its map keys there when the call ends).</summary>
    internal ICallerSignalling Signalling => _caller;

    /// <summary>Call-ID of the caller's leg.</summary>
    public string CallId => _caller.CallId;

    /// <summary>The current state (read from any thread for views; changes only on the call's executor).</summary>
    public CallState State => _state;

    /// <summary>
    /// How the call ended, once it has: <c>caller-hangup</c>, <c>agent-hangup</c>, <c>transfer-hangup</c>,
    /// <c>released</c> (the flow said goodbye), or why routing failed before the flow said goodbye (<c>no-agent</c>,
    /// <c>agent-no-answer</c>, <c>agent-failed-486</c>…), <c>transfer-failed</c>, <c>session-expired</c>,
    /// <c>caller-media-timeout</c>, <c>agent-media-timeout</c>, <c>media-refused</c>.
    /// </summary>
    public string? Outcome { get; private set; }

    /// <summary>The extension of the agent last chosen for the call, once one was.</summary>
    public string? AgentExtension { get; private set; }

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

    /// <summary>
    /// The caller sent a new offer in a re-INVITE or UPDATE (hold, resume, address change: RFC 3264 §8): negotiated on
    /// the call's executor like every other event; <paramref name="answer"/> gets the outcome to send.
    /// </summary>
    void ISessionParty.AnswerOffer(string offerSdp, Action<MediaNegotiation> answer) =>
        _executor.Post(() => answer(_callerMedia.AnswerOffer(offerSdp)));

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
            case MediaEvent.PromptFinished finished when !fromAgent:
                _machine.Fire(_promptFinished, finished.Playback);
                break;
            case MediaEvent.Inactive:
                Outcome ??= fromAgent ? "agent-media-timeout" : "caller-media-timeout";
                Fire(CallTrigger.MediaInactive);
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
}
