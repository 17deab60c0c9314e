using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Runtime.Nodes;

/// <summary><c>say</c>: speaks its items (prompts and values from variables) without interruption, then goes on.</summary>
internal static class SayBehaviour
{
    public static void Configure(FlowMachine machine, SayNode node)
    {
        var state = machine.Configure(node, run =>
        {
            var names = SpokenValues.Names(node.Items, run);
            if (!run.Play(run.Runtime.Prompts.Build(names, run.Language), interruptible: false, FlowPhase.Prompting))
            {
                machine.Queue(FlowTrigger.PromptFinished);
            }
        });
        machine.Go(state, node, FlowTrigger.PromptFinished, node.Next.Id, NodeBehaviours.Always, "next");
    }
}
