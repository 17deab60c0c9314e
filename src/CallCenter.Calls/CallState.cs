namespace CallCenter.Calls;

/// <summary>
/// Call-level states of an inbound call. What the caller hears and presses while the call is
/// <see cref="InFlow"/> is the business of the number's IVR flow (its own run, fed by the call); these states only
/// say where the call as a whole is.
/// </summary>
public enum CallState
{
    /// <summary>INVITE received; media negotiated and 200 sent, waiting for the ACK.</summary>
    Offered,

    /// <summary>The IVR flow runs: it plays prompts, reads keys and decides where the call goes.</summary>
    InFlow,

    /// <summary>
    /// The flow queued the call and it waits in a routing queue: the caller hears their position and estimated wait on
    /// entry and every announce-every, with comfort noise between.
    /// </summary>
    WaitingInQueue,

    /// <summary>Routing offered the call to an agent, whose phone is being rung; the caller hears ringback.</summary>
    RingingAgent,

    /// <summary>The flow transferred the call to a SIP URI, which is being rung; the caller hears ringback.</summary>
    Transferring,

    /// <summary>Caller and agent (or transfer destination) talk; audio is relayed both ways.</summary>
    Connected,

    /// <summary>The call cannot go on (the transfer failed, the caller's SDP is unusable): goodbye, then hang up.</summary>
    Releasing,

    /// <summary>Over; every resource released.</summary>
    Ended,
}

/// <summary>Events that move a call.</summary>
public enum CallTrigger
{
    /// <summary>The caller's ACK arrived: the flow starts.</summary>
    Acked,

    /// <summary>Playback on the caller's leg ended (parameter: the playback's number).</summary>
    PromptFinished,

    /// <summary>A caller's key press (parameter: the key).</summary>
    Digit,

    /// <summary>The flow's timer expired (parameter: the generation the flow started it with).</summary>
    FlowTimeout,

    /// <summary>The flow ended by queueing the call (parameter: what it asked for).</summary>
    Queued,

    /// <summary>The flow ended by transferring the call (parameter: the URI).</summary>
    Transferred,

    /// <summary>The flow ended by releasing the call; its goodbye has been played.</summary>
    FlowHungUp,

    /// <summary>No agent can take the queued call: back to the flow's no-agent path.</summary>
    NoAgent,

    /// <summary>Routing offered the waiting call to an agent (parameter: where to ring it).</summary>
    Offered,

    /// <summary>Routing withdrew the offer (ring timeout, or the call is gone) (parameter: the agent's extension).</summary>
    OfferWithdrawn,

    /// <summary>The connected agent transferred the call through routing: it leaves that agent and waits again.</summary>
    Requeued,

    /// <summary>Time for the next position and wait announcement.</summary>
    AnnounceDue,

    /// <summary>The waiting caller is offered a callback: the <c>callback-offer</c> flow runs, the contact keeps its place.</summary>
    OfferCallback,

    /// <summary>The rung phone rings (180/183).</summary>
    AgentRinging,

    /// <summary>The rung phone answered (parameter: its SDP).</summary>
    AgentAnswered,

    /// <summary>The rung phone refused, or the INVITE timed out (parameter: the status code).</summary>
    AgentFailed,

    /// <summary>The transfer destination did not answer within <see cref="CallOptions.RingTimeout"/>.</summary>
    RingTimeout,

    /// <summary>The caller hung up (BYE, CANCEL) or their session expired.</summary>
    CallerHungUp,

    /// <summary>The connected agent or transfer destination hung up, or their session expired.</summary>
    AgentHungUp,

    /// <summary>No RTP on a leg for the inactivity time.</summary>
    MediaInactive,

    /// <summary>The caller's offer was refused (no common codec).</summary>
    Refused,

    /// <summary>The call must end with a goodbye (see <see cref="CallState.Releasing"/>).</summary>
    Release,
}
