namespace CallCenter.Ivr.Runtime;

/// <summary>
/// What a call provides to the flow it runs: audio, one timer, the clock, agent availability and the ways out.
/// Every method is called from inside a <see cref="FlowRun"/> event, on the call's own (serialised) context.
/// </summary>
/// <remarks>
/// Playback and the timer carry a generation number. The host hands it back with
/// <see cref="FlowRun.OnPromptFinished"/> and <see cref="FlowRun.OnTimeout"/>, so an event that was already on its
/// way when the flow moved on (a prompt stopped by a key, a timer cancelled a moment too late) is recognised as
/// stale and ignored instead of acting on the node the call is in now. A host may report events from inside one
/// of these methods (routing that answers "no agent" at once, say); the run handles such an event right after
/// the one it is busy with.
/// </remarks>
public interface IFlowHost
{
    /// <summary>The clock: step times and opening hours use it.</summary>
    TimeProvider Time { get; }

    /// <summary>
    /// Plays prompt library keys (such as <c>en/welcome</c>, already resolved to a language) in order, replacing
    /// anything still playing. When they end, call <see cref="FlowRun.OnPromptFinished"/> with <paramref name="generation"/>.
    /// </summary>
    /// <param name="promptKeys">Library keys, <c>language/name</c>; never empty.</param>
    /// <param name="interruptible">Whether the caller's keys may cut the prompts short (the run then calls <see cref="StopPlayback"/>).</param>
    /// <param name="generation">Identifies this playback in the finished event.</param>
    void Play(IReadOnlyList<string> promptKeys, bool interruptible, int generation);

    /// <summary>Stops the current playback; its finished event, if it still comes, is ignored by the run.</summary>
    void StopPlayback();

    /// <summary>
    /// Starts the run's only timer, replacing one that is running. When it expires, call
    /// <see cref="FlowRun.OnTimeout"/> with <paramref name="generation"/>.
    /// </summary>
    void StartTimer(TimeSpan delay, int generation);

    /// <summary>Cancels the run's timer.</summary>
    void CancelTimer();

    /// <summary>True when at least one agent with <paramref name="skill"/> is logged in.</summary>
    bool AgentsAvailable(string skill);

    /// <summary>
    /// Books a callback to <paramref name="number"/> (as the caller gave it; the host validates and normalises it) in
    /// place of the call's wait, keeping its place in line; a call that is not waiting in a queue is booked in
    /// <paramref name="queue"/> from now instead, when the node names one. True when booked; false when refused (not a
    /// number the centre can call, callbacks not configured, the call not waiting and no queue named). The flow goes on
    /// either way.
    /// </summary>
    /// <param name="number">The number to call back.</param>
    /// <param name="queue">The queue to book in when the call is not waiting in one; null for none.</param>
    bool RequestCallback(string number, string? queue);

    /// <summary>Withdraws every callback still pending for the caller's number; how many were withdrawn.</summary>
    int CancelCallbacks();

    /// <summary>True when a callback the caller asked for earlier is still pending for their number.</summary>
    bool CallbackPending();

    /// <summary>The flow ends here: ring an agent matching <paramref name="request"/>. If none can take the call, call <see cref="FlowRun.OnNoAgent"/>.</summary>
    void Queue(QueueRequest request);

    /// <summary>The flow ends here: send the call to <paramref name="uri"/>.</summary>
    void Transfer(string uri);

    /// <summary>The flow ends here: release the call (its goodbye prompts have already finished).</summary>
    void Hangup();
}
