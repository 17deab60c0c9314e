using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Runtime.Nodes;

/// <summary>
/// <c>play</c>: plays the prompts, then goes to <c>next</c>. When interruptible, a key stops the prompts and goes
/// to <c>next</c> at once, carrying the key along (type-ahead: a menu or collect node there takes it as its
/// first key; any other node drops it).
/// </summary>
internal static class PlayBehaviour
{
    public static void Configure(FlowMachine machine, PlayNode node)
    {
        var state = machine.Configure(node, run =>
        {
            if (!run.Play(node.Prompts, node.Interruptible, FlowPhase.Prompting))
            {
                machine.Queue(FlowTrigger.PromptFinished);
            }
        });
        machine.Go(state, node, FlowTrigger.PromptFinished, node.Next.Id, NodeBehaviours.Always, "next");
        if (node.Interruptible)
        {
            machine.GoOnKey(state, node, node.Next.Id, NodeBehaviours.AnyKey, "key (kept for the next node)");
            state.OnExit(transition =>
            {
                if (transition.Trigger == FlowTrigger.Digit)
                {
                    machine.Run.KeepKeyForNextNode();
                }
            }, "keep the key");
        }
    }
}
