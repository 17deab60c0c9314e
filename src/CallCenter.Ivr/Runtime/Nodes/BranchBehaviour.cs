using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Runtime.Nodes;

/// <summary>
/// <c>branch</c>: on entry, evaluates the rules once, in order; the first whose conditions all hold wins, else
/// <c>else</c>. Each rule is its own transition, labelled with the rule in words.
/// </summary>
internal static class BranchBehaviour
{
    public static void Configure(FlowMachine machine, BranchNode node)
    {
        // Described once here: the step log and the flowchart use the same words.
        string[] descriptions = [.. node.Rules.Select(rule => rule.Describe()), "otherwise"];
        var state = machine.Configure(node, run =>
        {
            int choice = FirstMatch(run, node);
            run.Choice = choice;
            run.Record(FlowStepKind.BranchTaken, descriptions[choice]);
            machine.Queue(FlowTrigger.Continue);
        });

        for (int i = 0; i < node.Rules.Count; i++)
        {
            int choice = i;
            machine.Go(state, node, FlowTrigger.Continue, node.Rules[i].Target.Id, () => machine.Run.Choice == choice, descriptions[i]);
        }

        int otherwise = node.Rules.Count;
        machine.Go(state, node, FlowTrigger.Continue, node.Else.Id, () => machine.Run.Choice == otherwise, descriptions[otherwise]);
    }

    private static int FirstMatch(FlowRun run, BranchNode node)
    {
        for (int i = 0; i < node.Rules.Count; i++)
        {
            if (AllHold(node.Rules[i], run))
            {
                return i;
            }
        }

        return node.Rules.Count;
    }

    private static bool AllHold(BranchRule rule, FlowRun run)
    {
        foreach (var condition in rule.Conditions)
        {
            if (!BranchConditions.Holds(condition, run))
            {
                return false;
            }
        }

        return true;
    }
}
