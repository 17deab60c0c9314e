using CallCenter.Calls.Actor;
using CallCenter.Calls.Legs;
using CallCenter.Calls.Media;
using CallCenter.Calls.Routing;
using CallCenter.Routing;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls.Callbacks;

/// <summary>
/// One try of a callback, as routing sees it: a contact that waits in the caller's original place. When routing offers
/// it an agent, the agent's phone is rung first; once the agent answers they hear a whisper ("callback for" and the
/// number), then the customer is dialled through the trunk; the customer hears the greeting and the two are bridged.
/// Every event (routing's, both legs', both media legs', timers) is handled in order on the try's own executor. The
/// try ends once: reached, not reached (no answer, busy, a short answer, a failure) or interrupted; the scheduler
/// decides what comes next.
/// </summary>
public sealed partial class OutboundCallback : IRoutedContact
{
    private readonly CallbackServices _services;
    private readonly SerialExecutor _executor;
    private readonly Action<OutboundCallback, CallbackAttemptEnd> _onEnded;
    private readonly DialledSide _agentSide;
    private readonly DialledSide _customerSide;
    private CallbackPhase _phase = CallbackPhase.Waiting;

    internal OutboundCallback(long callbackId, string number, WaitingContact contact, CallbackServices services, Action<OutboundCallback, CallbackAttemptEnd> onEnded)
    {
        CallbackId = callbackId;
        Number = number;
        Contact = contact;
        _services = services;
        _onEnded = onEnded;
        _executor = new SerialExecutor(services.Dispatch, e => services.Logger.LogError(e, "Callback {Id}: event handler failed", callbackId));
        _agentSide = new DialledSide(_executor);
        _customerSide = new DialledSide(_executor);
    }

    /// <summary>The stored callback this try belongs to.</summary>
    public long CallbackId { get; }

    /// <summary>The customer's number (E.164).</summary>
    public string Number { get; }

    /// <summary>The contact routing holds for this try (the caller's queue, priority, arrival and requirements).</summary>
    public WaitingContact Contact { get; }

    /// <summary>Where the try is (read from any thread for views; changes only on the try's executor).</summary>
    public CallbackPhase Phase => _phase;

    /// <summary>The extension of the agent offered last, once one was.</summary>
    public string? AgentExtension => _agent?.Extension;

    void IRoutedContact.Offer(AgentTarget agent, DateTimeOffset ringDeadline) => _executor.Post(() => RingAgent(agent, ringDeadline));

    void IRoutedContact.Withdraw(string agentId, WithdrawReason reason) => _executor.Post(() => OnWithdrawn(agentId, reason));

    void IRoutedContact.Left(FallbackAction action, LeaveReason reason) => _executor.Post(() =>
    {
        if (_phase is CallbackPhase.Waiting or CallbackPhase.RingingAgent)
        {
            // Routing let the contact go (maximum wait, nobody logged in); it is not the customer's doing.
            End(CallbackAttemptEnd.Interrupted($"left the queue ({reason}, {action})"));
        }
    });

    /// <summary>
    /// The callback was cancelled or moved while this try waits (routing has been told to drop the contact): the try
    /// ends quietly. A try whose agent already answered carries on to its end.
    /// </summary>
    internal void Stop() => _executor.Post(() =>
    {
        if (_phase is CallbackPhase.Waiting or CallbackPhase.RingingAgent)
        {
            _services.Logger.LogInformation("Callback {Id}: stopped while {Phase}", CallbackId, _phase);
            ReleaseAll();
            _phase = CallbackPhase.Ended;
        }
    });

    /// <summary>The try is over: release everything, tell routing the agent's part ended, and report to the scheduler.</summary>
    private void End(CallbackAttemptEnd end)
    {
        if (_phase == CallbackPhase.Ended)
        {
            return;
        }

        bool agentAnswered = _phase >= CallbackPhase.Whispering;
        if (end.Kind == CallbackAttemptEndKind.NotReached && agentAnswered && _phase != CallbackPhase.InformingAgent && InformAgent(end))
        {
            return;
        }

        _phase = CallbackPhase.Ended;
        ReleaseAll();
        if (agentAnswered)
        {
            // The agent was on this contact's call since answering: wrap-up starts and the handle time is recorded.
            _services.Router.Ended(Contact.Id);
        }

        _services.Logger.LogInformation("Callback {Id} to {Number}: try ended: {Reason}", CallbackId, Number, end.Reason);
        _onEnded(this, end);
    }

    private void ReleaseAll()
    {
        _customerSide.Drop();
        _agentSide.Drop();
    }

    private string LegId(string side) => $"{Contact.Id}/{side}";

    private static void AnswerSessionChange(AgentLegEvent e, ICallMedia? media)
    {
        switch (e)
        {
            case AgentReOffered reOffer:
                // An answered leg may hold, resume or move (RFC 3264 §8); without media left the offer is refused.
                reOffer.Answer(media?.AnswerOffer(reOffer.OfferSdp) ?? MediaNegotiation.NoSession);
                break;
            case AgentOfferRequested request:
                request.Offer(media?.CreateOffer());
                break;
            case AgentAcknowledged { AnswerSdp: { } answer } when media is not null:
                media.AcceptAnswer(answer, out _);
                break;
        }
    }
}
