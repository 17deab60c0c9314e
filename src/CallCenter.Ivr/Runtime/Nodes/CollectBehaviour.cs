using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Runtime.Nodes;

/// <summary>
/// <c>collect</c>: gathers digits into a variable. A key during the prompt stops it and is the first digit.
/// Input ends with the terminator key (not stored), on reaching <c>max-digits</c>, or when the inter-digit timeout
/// passes after at least one key; the first-digit timeout (from the end of the prompt) with no key is no input.
/// Ended input shorter than <c>min-digits</c> or not matching <c>pattern</c> is invalid. Invalid input and no
/// input play their prompts and ask again (a retry each); after the last retry the call goes to
/// <c>fallback</c>. Valid input is stored and the call goes to <c>next</c>.
/// </summary>
internal static class CollectBehaviour
{
    private const int Accepted = 0;
    private const int GaveUp = 1;

    public static void Configure(FlowMachine machine, CollectNode node)
    {
        var state = machine.Configure(node, run =>
        {
            if (run.TakeTypeAhead(out char key))
            {
                run.Phase = FlowPhase.WaitingForKey;
                machine.QueueDigit(key);
            }
            else
            {
                Ask(run, node);
            }
        });

        machine.StayOnKey(state, NodeBehaviours.AnyKey, (run, key) => OnKey(machine, run, node, key), "key (a digit, or the end of input)");
        machine.Stay(state, FlowTrigger.Timeout, run => OnTimeout(machine, run, node), "no key in time");
        machine.Stay(state, FlowTrigger.PromptFinished, run => PromptEnded(run, node), "prompt ended");
        machine.Go(state, node, FlowTrigger.Continue, node.Next.Id, () => machine.Run.Choice == Accepted, "digits entered");
        machine.Go(state, node, FlowTrigger.Continue, node.Fallback.Id, () => machine.Run.Choice == GaveUp, "retries used up");
    }

    private static void Ask(FlowRun run, CollectNode node)
    {
        run.Digits.Clear();
        if (!run.Play(node.Prompts, interruptible: true, FlowPhase.Prompting))
        {
            run.StartTimer(node.FirstDigitTimeout, FlowPhase.WaitingForKey);
        }
    }

    private static void PromptEnded(FlowRun run, CollectNode node)
    {
        if (run.Phase == FlowPhase.Reprompting)
        {
            Ask(run, node);
        }
        else
        {
            run.StartTimer(node.FirstDigitTimeout, FlowPhase.WaitingForKey);
        }
    }

    private static void OnKey(FlowMachine machine, FlowRun run, CollectNode node, char key)
    {
        // Barge-in: the key stops whatever is playing (the question or the invalid/no-input prompt).
        run.StopPlayback();
        run.CancelTimer();
        if (key == node.Terminator)
        {
            EndInput(machine, run, node);
            return;
        }

        run.Digits.Append(key);
        if (run.Digits.Count >= node.MaxDigits)
        {
            EndInput(machine, run, node);
            return;
        }

        run.StartTimer(node.InterDigitTimeout, FlowPhase.Collecting);
    }

    private static void OnTimeout(FlowMachine machine, FlowRun run, CollectNode node)
    {
        if (run.Digits.Count == 0)
        {
            Fail(machine, run, node, node.NoInputPrompts);
        }
        else
        {
            EndInput(machine, run, node);
        }
    }

    private static void EndInput(FlowMachine machine, FlowRun run, CollectNode node)
    {
        string digits = run.Digits.ToString();
        if (digits.Length < node.MinDigits || (node.Pattern is { } pattern && !pattern.IsMatch(digits)))
        {
            run.Record(FlowStepKind.Invalid, digits);
            Fail(machine, run, node, node.InvalidPrompts);
            return;
        }

        run.Assign(node.Variable, digits, FlowStepKind.DigitsCollected);
        run.Choice = Accepted;
        machine.Queue(FlowTrigger.Continue);
    }

    private static void Fail(FlowMachine machine, FlowRun run, CollectNode node, PromptList sorry)
    {
        run.Digits.Clear();
        if (run.Retries >= node.Retries)
        {
            run.Choice = GaveUp;
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
