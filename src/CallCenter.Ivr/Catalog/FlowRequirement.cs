using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Catalog;

/// <summary>
/// A flow that something outside the flows folder sends calls to, such as a dialled number in the contact-centre
/// configuration. The catalog refuses a set of flows that lacks it, at start and on every reload, so renaming or
/// deleting a flow file cannot silently leave a number with nothing to answer it.
/// </summary>
/// <param name="Flow">The flow's name (its file is <c>NAME.yaml</c>).</param>
/// <param name="Source">The file that names the flow, e.g. <c>config/callcenter.yaml</c>.</param>
/// <param name="Position">Where <paramref name="Source"/> names it (<see cref="FlowPosition.File"/> when unknown).</param>
/// <param name="NeededBy">What sends calls to it, in words, e.g. <c>number "100"</c>.</param>
public sealed record FlowRequirement(string Flow, string Source, FlowPosition Position, string NeededBy);
