using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Runtime.Nodes;

/// <summary>Adds each node kind's transitions to a flow machine.</summary>
internal static class NodeBehaviours
{
    /// <summary>A guard that always holds, for the one way out of a node.</summary>
    public static readonly Func<bool> Always = () => true;

    /// <summary>A key guard that accepts every key.</summary>
    public static readonly Func<char, bool> AnyKey = _ => true;

    public static void Configure(FlowMachine machine, FlowNode node)
    {
        switch (node)
        {
            case PlayNode play:
                PlayBehaviour.Configure(machine, play);
                break;
            case MenuNode menu:
                MenuBehaviour.Configure(machine, menu);
                break;
            case CollectNode collect:
                CollectBehaviour.Configure(machine, collect);
                break;
            case SayNode say:
                SayBehaviour.Configure(machine, say);
                break;
            case SetNode set:
                SetBehaviour.Configure(machine, set);
                break;
            case BranchNode branch:
                BranchBehaviour.Configure(machine, branch);
                break;
            case QueueNode queue:
                QueueBehaviour.Configure(machine, queue);
                break;
            case TransferNode transfer:
                TransferBehaviour.Configure(machine, transfer);
                break;
            case CallbackNode callback:
                CallbackBehaviour.Configure(machine, callback);
                break;
            case CancelCallbackNode cancel:
                CallbackBehaviour.Configure(machine, cancel);
                break;
            case HangupNode hangup:
                machine.Configure(hangup, run => run.Release(hangup.Prompts));
                break;
            default:
                throw new ArgumentException($"Node '{node.Id}' is of a kind the runtime does not know ({node.Kind}).", nameof(node));
        }
    }
}
