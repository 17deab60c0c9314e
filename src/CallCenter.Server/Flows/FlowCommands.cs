namespace CallCenter.Server.Flows;

/// <summary>
/// The <c>flows</c> commands of the server program, run instead of the server:
/// <c>flows check [DIR]</c> and <c>flows graph FILE</c>. Exit codes: 0 done, 1 the flows have errors, 2 bad usage.
/// </summary>
public static class FlowCommands
{
    /// <summary>The first argument that selects these commands.</summary>
    public const string Name = "flows";

    /// <summary>Exit code for a wrong command line.</summary>
    public const int UsageExitCode = 2;

    /// <summary>How to use the commands.</summary>
    public const string Usage = """
        usage: CallCenter.Server flows check [DIR]   check every flow in DIR (default ivr-flows) and its prompts
               CallCenter.Server flows graph FILE    print the flow in FILE as a Mermaid diagram
        From the repository root: dotnet run --project src/CallCenter.Server -- flows check
        """;

    /// <summary>True when <paramref name="args"/> asks for a <c>flows</c> command rather than the server.</summary>
    public static bool Handles(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Count > 0 && args[0] == Name;
    }

    /// <summary>Runs the command in <paramref name="args"/> (starting with <c>flows</c>), writing to the given writers; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string[] rest = [.. args.Skip(1)];
        switch (rest)
        {
            case ["check"]:
                return FlowCheckCommand.Run(FlowSettings.DefaultDirectory, output);
            case ["check", var directory] when !IsOption(directory):
                return FlowCheckCommand.Run(directory, output);
            case ["graph", var file] when !IsOption(file):
                return FlowGraphCommand.Run(file, output, error);
            case ["help" or "--help" or "-h"]:
                output.Write(Usage + "\n");
                return 0;
            default:
                error.Write(rest.Length == 0 ? Usage + "\n" : $"flows: unexpected arguments: {string.Join(' ', rest)}\n{Usage}\n");
                return UsageExitCode;
        }
    }

    private static bool IsOption(string argument) => argument.StartsWith('-');
}
