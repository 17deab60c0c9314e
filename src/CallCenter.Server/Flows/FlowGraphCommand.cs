using CallCenter.Ivr.Graph;
using CallCenter.Ivr.Loading;

namespace CallCenter.Server.Flows;

/// <summary>
/// <c>flows graph FILE</c>: prints the flow as a Mermaid state diagram (drawn from the state machine calls run on).
/// Only the diagram goes to standard output, so it can be redirected into a <c>.mmd</c> file; a flow with errors
/// prints its problems to standard error and exits 1.
/// </summary>
internal static class FlowGraphCommand
{
    public static int Run(string file, TextWriter output, TextWriter error)
    {
        var (prompts, _) = FlowCommandPrompts.For(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".");
        FlowLoadResult result = FlowLoader.LoadFile(file, prompts);
        if (result.Flow is null)
        {
            foreach (FlowProblem problem in result.Problems.Where(p => p.IsError))
            {
                error.Write(problem + "\n");
            }

            error.Write($"flows: {file} has errors; fix them (flows check lists them all) and draw it again\n");
            return 1;
        }

        output.Write(FlowGraph.ToMermaid(result.Flow));
        return 0;
    }
}
