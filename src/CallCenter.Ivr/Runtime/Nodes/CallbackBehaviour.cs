using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Runtime.Nodes;

/// <summary>
/// <c>callback</c>: fills in the number and asks the call to book a callback to it, in the node's queue when the call
/// waits in none (<see cref="IFlowHost.RequestCallback"/>); booked → <c>next</c>, refused (an empty or invalid number, callbacks not
/// available) → <c>refused</c>. <c>cancel-callback</c>: withdraws the caller's pending callbacks, then <c>next</c>.
/// Neither waits for the caller, so both decide on entry and move on at once.
/// </summary>
internal static class CallbackBehaviour
{
    private const int Booked = 0;
    private const int Refused = 1;

    public static void Configure(FlowMachine machine, CallbackNode node)
    {
        var state = machine.Configure(node, run =>
        {
            string number = VariableTemplate.Expand(node.Number, run.Variables).Trim();
            bool booked = number.Length > 0 && run.Host.RequestCallback(number, node.Queue?.Name);
            run.Choice = booked ? Booked : Refused;
            run.Record(
                FlowStepKind.Callback,
                (booked ? "booked " : "refused ") + (number.Length > 0 ? number : "(no number)") + (node.Queue is { } queue ? " (queue " + queue.Name + ")" : string.Empty));
            machine.Queue(FlowTrigger.Continue);
        });
        machine.Go(state, node, FlowTrigger.Continue, node.Next.Id, () => machine.Run.Choice == Booked, CallbackNode.AcceptedLabel);
        machine.Go(state, node, FlowTrigger.Continue, node.Refused.Id, () => machine.Run.Choice == Refused, CallbackNode.RefusedLabel);
    }

    public static void Configure(FlowMachine machine, CancelCallbackNode node)
    {
        var state = machine.Configure(node, run =>
        {
            int cancelled = run.Host.CancelCallbacks();
            run.Record(FlowStepKind.Callback, $"cancelled {cancelled}");
            machine.Queue(FlowTrigger.Continue);
        });
        machine.Go(state, node, FlowTrigger.Continue, node.Next.Id, NodeBehaviours.Always, "next");
    }
}
