namespace CallCenter.Ivr.Definition;

/// <summary>
/// <c>type: callback</c> — asks the centre to call the caller back at <see cref="Number"/> (keeping their place in
/// line), then goes to <see cref="Next"/>, usually a goodbye. When the number is not one the centre can call (not a
/// valid phone number, callbacks not configured, the call no longer waiting) the call goes to <see cref="Refused"/>,
/// typically a node that asks for another number. A node that names a <see cref="Queue"/> books the callback there
/// even when the call is not waiting in line (after hours): it joins that queue now, at the queue's priority.
/// </summary>
/// <param name="Number">The number to call back; may use <c>${name}</c>; <c>${caller}</c> when the file gives none.</param>
/// <param name="Next">Where to go once the callback is booked.</param>
/// <param name="Refused">Where to go when the number or the request is refused.</param>
/// <param name="Queue">
/// The queue whose agents make the callback when the call is not waiting in one; null to book only in place of the
/// call's wait. The server refuses, at start, a name that is not one of its queues.
/// </param>
public sealed record CallbackNode(string Id, FlowPosition Position, string Number, NodeRef Next, NodeRef Refused, CallbackQueue? Queue = null)
    : FlowNode(Id, Position)
{
    /// <summary>The number called back when the node names none: the caller's own.</summary>
    public const string DefaultNumber = "${" + FlowVariables.Caller + "}";

    /// <summary>The flowchart label of the way taken when the callback is booked.</summary>
    public const string AcceptedLabel = "callback booked";

    /// <summary>The flowchart label of the way taken when the number or request is refused.</summary>
    public const string RefusedLabel = "number refused";

    public override string Kind => "callback";

    public override IEnumerable<FlowEdge> Edges =>
        [new(AcceptedLabel, Next.Id, Next.Position), new(RefusedLabel, Refused.Id, Refused.Position)];
}

/// <summary>
/// <c>type: cancel-callback</c> — withdraws the callbacks still pending for the caller's number (a caller who phoned
/// again and no longer wants to be called back), then goes to <see cref="Next"/>.
/// </summary>
/// <param name="Next">Where to go after.</param>
public sealed record CancelCallbackNode(string Id, FlowPosition Position, NodeRef Next)
    : FlowNode(Id, Position)
{
    public override string Kind => "cancel-callback";

    public override IEnumerable<FlowEdge> Edges => [new("next", Next.Id, Next.Position)];
}

/// <summary>
/// <c>callback-pending: true</c> (or <c>false</c>) — whether a callback the caller asked for earlier is still waiting
/// to be made to their number.
/// </summary>
/// <param name="Pending">True: the rule holds when one is pending; false: when none is.</param>
public sealed record CallbackPendingCondition(FlowPosition Position, bool Pending) : BranchCondition(Position)
{
    public override string Describe() => Pending ? "callback pending" : "no callback pending";
}

/// <summary>The queue a <c>callback</c> node books into when the call is not waiting in one.</summary>
/// <param name="Name">The queue's name in the configuration (e.g. <c>general</c>).</param>
/// <param name="Position">Where the name is written, for the start-up check.</param>
public readonly record struct CallbackQueue(string Name, FlowPosition Position);
