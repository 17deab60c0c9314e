namespace CallCenter.Ivr.Runtime;

/// <summary>How a run left its flow.</summary>
public enum FlowOutcome
{
    /// <summary>The run is still in the flow (or has not started).</summary>
    None,

    /// <summary>A <c>queue</c> node handed the call to routing (<see cref="FlowRun.QueueRequest"/>).</summary>
    Queued,

    /// <summary>A <c>transfer</c> node sent the call to a SIP URI (<see cref="FlowRun.TransferUri"/>).</summary>
    Transferred,

    /// <summary>The flow released the call after its goodbye prompts.</summary>
    HungUp,

    /// <summary>The caller hung up while the flow was running.</summary>
    CallerHungUp,
}
