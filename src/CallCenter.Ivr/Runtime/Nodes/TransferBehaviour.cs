using CallCenter.Ivr.Definition;

namespace CallCenter.Ivr.Runtime.Nodes;

/// <summary>
/// <c>transfer</c>: to a SIP URI, the flow ends with that destination; to a flow, the run continues at that
/// flow's start node with the same variables (a flow that is not loaded says goodbye and releases the call).
/// </summary>
internal static class TransferBehaviour
{
    public static void Configure(FlowMachine machine, TransferNode node) =>
        machine.Configure(node, run =>
        {
            if (node.Uri is { } uri)
            {
                run.EndTransferred(VariableTemplate.Expand(uri, run.Variables));
            }
            else
            {
                run.ContinueInFlow(node.Flow!);
            }
        });
}
