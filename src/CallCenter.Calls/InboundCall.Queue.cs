using CallCenter.Calls.Legs;
using CallCenter.Calls.Routing;
using CallCenter.Ivr.Runtime;
using CallCenter.Media.Audio;
using CallCenter.Routing;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls;

/// <summary>
/// The call as a routing contact: the flow's queue node hands it to routing, where it keeps its place until an agent is
/// offered (then <see cref="InboundCall"/> rings the agent) or it leaves. While it waits the caller hears their position
/// and estimated wait on entry and every announce-every, and comfort noise between; when callbacks are offered (the
/// <c>callback-offer</c> flow is loaded) a long estimate, the queue's callback fallback or the caller's 1 runs that flow
/// with the contact still in line.
/// </summary>
public sealed partial class InboundCall
{
    /// <summary>The flow a waiting caller is offered a callback with (written by whoever configures callbacks).</summary>
    public const string CallbackOfferFlow = "callback-offer";

    private readonly RoutedContact _routed;
    private WaitingContact? _contact;
    private QueuePlacement? _placement;
    private ITimer? _announceTimer;
    private int _announcePlayback = -1;
    private bool _callbackOffered;
    private string? _lastAgentFailure;

    /// <summary>The call's contact while routing holds it (waiting, ringing an agent or connected), else null.</summary>
    public string? ContactId => _contact?.Id;

    /// <summary>The queue the call waited in last, once it was queued.</summary>
    public string? QueueId => _placement?.QueueId;

    /// <summary>
    /// The flow's queue node: hand the call to routing in the queue its skills map to. A call whose contact is still in
    /// routing (a queue node of the callback-offer flow) just goes back to waiting, keeping its place.
    /// </summary>
    private void EnterQueue(QueueRequest request)
    {
        if (_contact is not null)
        {
            StartWaiting(announceNow: true);
            return;
        }

        var placement = _services.Queues.Place(request.Skills, request.Priority);
        _placement = placement;
        _lastAgentFailure = null;
        _contact = new WaitingContact(CallId, placement.QueueId, placement.Priority, _services.Time.GetUtcNow(), ContactKind.Call, placement.Requirements);
        _services.Logger.LogInformation(
            "Call {CallId}: queued in {Queue} for [{Skills}] at priority {Priority}", CallId, placement.QueueId, string.Join(", ", request.Skills), placement.Priority);
        _services.Router.Enqueue(_contact, _routed);
        StartWaiting(announceNow: true);
    }

    /// <summary>
    /// Waiting (again): comfort noise, and the announcement now (on entry; routing answers the estimate only after the
    /// enqueue, so a call offered at once hears nothing but ringback) or at the next interval (back from an agent).
    /// </summary>
    private void StartWaiting(bool announceNow)
    {
        AllowCallback(_contact!);
        PlayWaitingSound();
        if (announceNow)
        {
            RequestAnnouncement();
        }
        else
        {
            ScheduleAnnouncement();
        }
    }

    private void StopWaiting()
    {
        _announceTimer?.Dispose();
        _announceTimer = null;
        _announcePlayback = -1;
    }

    private void ScheduleAnnouncement()
    {
        _announceTimer?.Dispose();
        _announceTimer = _placement?.AnnounceEvery is { } every
            ? _services.Time.CreateTimer(_ => _executor.Post(() => Fire(CallTrigger.AnnounceDue)), null, every, Timeout.InfiniteTimeSpan)
            : null;
    }

    /// <summary>Asks routing where the contact stands; the answer comes back on the call's executor.</summary>
    private void RequestAnnouncement()
    {
        if (_contact is not { } contact)
        {
            return;
        }

        _services.Queues.Estimate(contact.Id, estimate => _executor.Post(() => Announce(contact, estimate)));
    }

    /// <summary>
    /// Tells the caller their position and estimated wait (nothing about the wait when it is unknown), or offers a
    /// callback instead when the estimate passes the queue's callback-offer-after. Ignored when the call has moved on.
    /// </summary>
    private void Announce(WaitingContact contact, WaitEstimate? estimate)
    {
        if (_state != CallState.WaitingInQueue || !ReferenceEquals(contact, _contact) || estimate is not { } where)
        {
            return;
        }

        if (where.EstimatedWait is { } wait && _placement?.CallbackOfferAfter is { } limit && wait > limit && CanOfferCallback)
        {
            _services.Logger.LogInformation("Call {CallId}: estimated wait {Wait} is over {Limit}: offering a callback", CallId, wait, limit);
            Fire(CallTrigger.OfferCallback);
            return;
        }

        var keys = WaitAnnouncement.Keys(where.Position, where.EstimatedWait, offerCallback: CanOfferCallback);
        _announcePlayback = _callerMedia.Play([.. keys.Select(k => FlowLanguage + "/" + k)], interruptible: false);
        ScheduleAnnouncement();
    }

    /// <summary>Between announcements: the queue's hold music when it has one, else comfort noise (the default: no music).</summary>
    private void PlayWaitingSound()
    {
        if (_placement?.HoldMusic is { } music)
        {
            _callerMedia.PlayLoop(FlowLanguage + "/" + music);
        }
        else
        {
            _callerMedia.PlayComfortNoise();
        }
    }

    /// <summary>An announcement ended: comfort noise (or the queue's hold music) until the next.</summary>
    private void OnWaitingPromptFinished(int playback)
    {
        if (playback == _announcePlayback)
        {
            _announcePlayback = -1;
            PlayWaitingSound();
        }
    }

    /// <summary>The caller pressed a key while waiting: 1 asks for a callback when callbacks are offered.</summary>
    private void OnWaitingDigit(char key)
    {
        if (key == '1' && CanOfferCallback)
        {
            Fire(CallTrigger.OfferCallback);
        }
    }

    /// <summary>True when the callback-offer flow is loaded and has not been run for this call yet.</summary>
    private bool CanOfferCallback => !_callbackOffered && _services.FindFlow(CallbackOfferFlow) is not null;

    /// <summary>
    /// Runs the callback-offer flow; the contact (if routing still holds it) keeps its place meanwhile, so an agent
    /// offered before the caller decides is still rung. The flow carries on the call: it speaks the caller's language
    /// and sees every variable the earlier flow set (the ticket a booked callback is filed under, for one).
    /// </summary>
    private void RunCallbackOffer()
    {
        _callbackOffered = true;
        var flow = _services.FindFlow(CallbackOfferFlow)!;
        EndFlowQuietly();
        _run = _services.Flows.CreateRun(flow, new FlowHost(this), _run.Variables);
        _run.Start();
    }

    /// <summary>Routing said the contact left without an agent.</summary>
    private void OnLeft(FallbackAction action, LeaveReason reason)
    {
        var left = _contact;
        _contact = null;
        ForbidCallback();
        if (_state is not (CallState.WaitingInQueue or CallState.InFlow) || left is null)
        {
            return;
        }

        _services.Logger.LogInformation("Call {CallId}: left queue {Queue} ({Reason}): {Action}", CallId, left.QueueId, reason, action);
        if (action == FallbackAction.Callback && _state == CallState.WaitingInQueue && CanOfferCallback)
        {
            // The engine no longer holds it, but a callback booked now still takes its original arrival time.
            AllowCallback(left);
            Fire(CallTrigger.OfferCallback);
            return;
        }

        if (_state == CallState.WaitingInQueue)
        {
            Fire(CallTrigger.NoAgent);
        }
    }

    /// <summary>Routing's messages to the call, posted to the call's executor (routing never waits for the call).</summary>
    private sealed class RoutedContact(InboundCall call) : IRoutedContact, IRequeuedContact
    {
        public void Requeued(WaitingContact contact) =>
            call._executor.Post(() => call.OnRequeued(contact));

        public void Offer(AgentTarget agent, DateTimeOffset ringDeadline) =>
            call._executor.Post(() => call.OnOffer(agent));

        public void Withdraw(string agentId, WithdrawReason reason) =>
            call._executor.Post(() => call.OnWithdrawn(agentId, reason));

        public void Left(FallbackAction action, LeaveReason reason) =>
            call._executor.Post(() => call.OnLeft(action, reason));
    }

    /// <summary>
    /// The connected agent sent the call back through routing with new requirements: the call keeps everything the
    /// caller said (no flow runs again) and waits for the agent those requirements find.
    /// </summary>
    private void OnRequeued(WaitingContact contact)
    {
        if (_state != CallState.Connected || !_connectedToAgent || _contact?.Id != contact.Id)
        {
            return;
        }

        _services.Logger.LogInformation("Call {CallId}: agent {Agent} transferred the call to queue {Queue}", CallId, AgentExtension, contact.QueueId);
        _contact = contact;
        _placement = _placement is null ? null : _placement with { QueueId = contact.QueueId, Requirements = contact.Requirements };
        _connectedToAgent = false;
        Fire(CallTrigger.Requeued);
    }

    /// <summary>Leaving the transferring agent: its leg is hung up (BYE), the caller's bridge goes with its media.</summary>
    private void LeaveAgentForTransfer()
    {
        _agentSide.Drop();
        _ringing = null;
        StartWaiting(announceNow: true);
    }

    /// <summary>Routing withdrew the offer: a ring timeout is remembered as why the agent was not reached.</summary>
    private void OnWithdrawn(string agentId, WithdrawReason reason)
    {
        if (reason == WithdrawReason.RingTimeout && _state == CallState.RingingAgent && agentId == _ringing?.Extension)
        {
            _lastAgentFailure = "agent-no-answer";
        }

        _machine.Fire(_withdrawn, agentId);
    }

    /// <summary>An offer for a call that cannot ring an agent now (it is ending) is refused so the agent is freed.</summary>
    private void OnOffer(AgentTarget agent)
    {
        if (_contact is { } contact && _state is not (CallState.WaitingInQueue or CallState.InFlow))
        {
            _services.Logger.LogDebug("Call {CallId}: offer of agent {Agent} refused in {State}", CallId, agent.Extension, _state);
            _services.Router.NoAnswer(contact.Id, agent.Extension);
            return;
        }

        _machine.Fire(_offered, agent);
    }

    /// <summary>The call is over: routing hears that the conversation ended, or that the caller left the line.</summary>
    private void LeaveRouting()
    {
        StopWaiting();
        ForbidCallback();
        if (_contact is not { } contact || BookedCallbackId is not null)
        {
            _contact = null;
            return;
        }

        _contact = null;
        if (_connectedToAgent)
        {
            _services.Router.Ended(contact.Id);
        }
        else
        {
            _services.Router.Abandoned(contact.Id);
        }
    }
}
