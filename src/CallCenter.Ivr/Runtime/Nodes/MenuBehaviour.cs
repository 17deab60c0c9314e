using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Runtime.Nodes;

/// <summary>
/// <c>menu</c>: plays its prompts (always interruptible) and waits <c>timeout</c> after they end for one key. A
/// listed key goes to its node at once. A wrong key plays the invalid prompts, no key the no-input prompts, and
/// then the menu asks again; each counts as a retry, and the failure after the last retry goes to
/// <c>fallback</c> without another prompt.
/// </summary>
internal static class MenuBehaviour
{
    public static void Configure(FlowMachine machine, MenuNode node)
    {
        string keys = new(node.Choices.Select(c => c.Key).ToArray());
        var state = machine.Configure(node, run =>
        {
            if (run.TakeTypeAhead(out char key))
            {
                // A key pressed during the previous node's prompt answers this menu without hearing it.
                run.Phase = FlowPhase.WaitingForKey;
                machine.QueueDigit(key);
            }
            else
            {
                Ask(run, node);
            }
        });

        foreach (var choice in node.Choices)
        {
            char key = choice.Key;
            machine.GoOnKey(state, node, choice.Target.Id, k => k == key, "key " + key);
        }

        machine.StayOnKey(state, k => keys.IndexOf(k) < 0, (run, key) => Fail(machine, run, node, node.InvalidPrompts, key), "wrong key");
        machine.Stay(state, FlowTrigger.Timeout, run => Fail(machine, run, node, node.NoInputPrompts, null), "no key in time");
        machine.Stay(state, FlowTrigger.PromptFinished, run => PromptEnded(run, node), "prompt ended");
        machine.Go(state, node, FlowTrigger.Continue, node.Fallback.Id, NodeBehaviours.Always, "retries used up");
    }

    private static void Ask(FlowRun run, MenuNode node)
    {
        if (!run.Play(node.Prompts, interruptible: true, FlowPhase.Prompting))
        {
            run.StartTimer(node.Timeout, FlowPhase.WaitingForKey);
        }
    }

    private static void PromptEnded(FlowRun run, MenuNode node)
    {
        if (run.Phase == FlowPhase.Reprompting)
        {
            Ask(run, node);
        }
        else
        {
            // The timeout is measured from the end of the menu's prompts.
            run.StartTimer(node.Timeout, FlowPhase.WaitingForKey);
        }
    }

    private static void Fail(FlowMachine machine, FlowRun run, MenuNode node, PromptList sorry, char? wrongKey)
    {
        run.StopPlayback();
        run.CancelTimer();
        if (wrongKey is { } key)
        {
            run.Record(FlowStepKind.Invalid, key.ToString());
        }

        if (run.Retries >= node.Retries)
        {
            machine.Queue(FlowTrigger.Continue);
            return;
        }

        run.Retries++;
        if (!run.Play(sorry, interruptible: true, FlowPhase.Reprompting))
        {
            Ask(run, node);
        }
    }
}
