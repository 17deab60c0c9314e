using CallCenter.Ivr.Definition;
using CallCenter.Ivr.Runtime;
using Microsoft.Extensions.Logging;

namespace CallCenter.Calls;

/// <summary>
/// The call as host of its IVR flow (<see cref="IFlowHost"/>, through <see cref="FlowHost"/>): the flow's prompts play
/// on the caller's leg, its one timer runs on the call's clock and fires back on the call's executor, and the ways out
/// of the flow become call triggers. The flow's step log and variables stay on the call for its ticket.
/// </summary>
public sealed partial class InboundCall
{
    private ITimer? _flowTimer;
    private int _flowPlayback = -1;
    private int _flowPlayGeneration;

    /// <summary>The flow the caller's number leads to (the run may since have moved to another by a transfer).</summary>
    public string FlowName { get; }

    /// <summary>How the flow ended (<see cref="FlowOutcome.None"/> while it runs). Read once the call has ended.</summary>
    public FlowOutcome FlowOutcome => _run.Outcome;

    /// <summary>
    /// Every step of the flow so far, in order: nodes entered, prompts, keys, timeouts, variables set, the way out.
    /// Changes only on the call's executor: read it once the call has ended (<see cref="CallManager.CallEnded"/>).
    /// </summary>
    public IReadOnlyList<FlowStep> FlowSteps => _run.Steps;

    /// <summary>The flow's variables (<c>caller</c>, <c>dialled</c>, <c>language</c> and what the flow set). Read once the call has ended.</summary>
    public IReadOnlyDictionary<string, string> FlowVariables => _run.Variables;

    /// <summary>The language the flow speaks to the caller now.</summary>
    private string FlowLanguage =>
        _run.Variables.GetValueOrNull(Ivr.Definition.FlowVariables.Language) is { Length: > 0 } language ? language : _run.Flow.DefaultLanguage;

    /// <summary>
    /// The call as its flow's host. A separate object, so the host's methods (queue, hang up…) are not part of the call's
    /// public surface: only the call's own run can reach them.
    /// </summary>
    private sealed class FlowHost(InboundCall call) : IFlowHost
    {
        public TimeProvider Time => call._services.Time;

        public void Play(IReadOnlyList<string> promptKeys, bool interruptible, int generation)
        {
            call._flowPlayGeneration = generation;
            call._flowPlayback = call._callerMedia.Play(promptKeys, interruptible);
        }

        public void StopPlayback() => call._callerMedia.StopPlayback();

        public void StartTimer(TimeSpan delay, int generation)
        {
            call._flowTimer?.Dispose();
            call._flowTimer = call._services.Time.CreateTimer(
                _ => call._executor.Post(() => call._machine.Fire(call._flowTimeout, generation)), null, delay, Timeout.InfiniteTimeSpan);
        }

        public void CancelTimer() => call.CancelFlowTimer();

        public bool AgentsAvailable(string skill) => call._services.Queues.AgentsAvailable(skill);

        public void Queue(QueueRequest request) => call._machine.Fire(call._queued, request);

        public void Transfer(string uri) => call._machine.Fire(call._transferred, uri);

        public void Hangup() => call.Fire(CallTrigger.FlowHungUp);

        public bool RequestCallback(string number, string? queue) => call.BookCallback(number, queue);

        public int CancelCallbacks() => call.CancelCallerCallbacks();

        public bool CallbackPending() => call.HasPendingCallback();
    }

    /// <summary>
    /// A playback on the caller's leg ended: the flow hears of it only when it is the flow's latest, with the generation
    /// the flow gave it. An end that was on its way when the flow started something else is dropped here.
    /// </summary>
    private void OnFlowPromptFinished(int playback)
    {
        if (playback == _flowPlayback)
        {
            _run.OnPromptFinished(_flowPlayGeneration);
        }
    }

    private void CancelFlowTimer()
    {
        _flowTimer?.Dispose();
        _flowTimer = null;
    }

    /// <summary>
    /// The run is left where it is, without an outcome: its timer and prompts stop and no event reaches it any more
    /// (an agent was offered to a caller in the callback-offer flow, or that flow replaces it).
    /// </summary>
    private void EndFlowQuietly()
    {
        CancelFlowTimer();
        _flowPlayback = -1;
        _callerMedia.StopPlayback();
    }

    /// <summary>The call is over: a flow still running ends (its timer with it), and its path is logged for debugging.</summary>
    private void EndFlow()
    {
        _run.OnHangUp();
        CancelFlowTimer();
        if (_services.Logger.IsEnabled(LogLevel.Debug))
        {
            _services.Logger.LogDebug(
                "Call {CallId}: flow {Flow} ended {Outcome}; path: {Path}", CallId, FlowName, _run.Outcome, string.Join(" | ", _run.Steps));
        }
    }
}
