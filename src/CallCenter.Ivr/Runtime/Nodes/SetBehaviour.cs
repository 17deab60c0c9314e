using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Runtime.Nodes;

/// <summary><c>set</c>: assigns each value in order (<c>${name}</c> filled in from the variables so far), then goes on.</summary>
internal static class SetBehaviour
{
    public static void Configure(FlowMachine machine, SetNode node)
    {
        var state = machine.Configure(node, run =>
        {
            foreach (var assignment in node.Assignments)
            {
                run.Assign(assignment.Name, VariableTemplate.Expand(assignment.Value, run.Variables), FlowStepKind.VariableSet);
            }

            machine.Queue(FlowTrigger.Continue);
        });
        machine.Go(state, node, FlowTrigger.Continue, node.Next.Id, NodeBehaviours.Always, "next");
    }
}
