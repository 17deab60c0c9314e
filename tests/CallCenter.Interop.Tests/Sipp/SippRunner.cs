using System.Globalization;
using CallCenter.Interop.Tests.Infrastructure;

namespace CallCenter.Interop.Tests.Sipp;

/// <summary>
/// Runs sipp as a UAC on 127.0.0.1 with the arguments every run needs: its own ports (<c>-p</c>, <c>-cp</c>, so it
/// never takes 5060 or collides), 4 MiB socket buffers, no stdin, bounded receive and global timeouts, and error,
/// message and statistics traces in the test workspace.
/// </summary>
public static class SippRunner
{
    /// <summary>The program name on PATH.</summary>
    public const string Program = "sipp";

    /// <summary>Full path of a scenario shipped with the tests.</summary>
    public static string ScenarioPath(string scenario) => Path.Combine(AppContext.BaseDirectory, "Scenarios", scenario);

    /// <summary>Runs <paramref name="run"/> to completion.</summary>
    public static async Task<SippResult> RunAsync(InteropWorkspace workspace, SippRun run)
    {
        var ports = LoopbackPorts.Reserve(2);
        var localPort = run.LocalPort ?? ports[0];
        var controlPort = ports[1];
        var usersFile = workspace.WriteFile($"{run.LogName}-users.csv", SippUsersCsv.Render(run.Users));
        var errorFile = workspace.PathOf($"{run.LogName}-errors.log");
        var messageFile = workspace.PathOf($"{run.LogName}-messages.log");
        var statFile = workspace.PathOf($"{run.LogName}-stat.csv");

        string[] arguments =
        [
            string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{run.TargetPort}"),
            "-sf", ScenarioPath(run.Scenario),
            "-inf", usersFile,
            "-i", "127.0.0.1",
            "-p", localPort.ToString(CultureInfo.InvariantCulture),
            "-cp", controlPort.ToString(CultureInfo.InvariantCulture),
            "-t", run.Transport.ToSippMode(),
            "-m", run.Calls.ToString(CultureInfo.InvariantCulture),
            "-buff_size", "4194304",
            "-nostdin",
            "-recv_timeout", "5000",
            "-timeout", "15s",
            "-timeout_error",
            "-trace_err", "-error_file", errorFile,
            "-trace_msg", "-message_file", messageFile,
            "-trace_stat", "-stf", statFile,
            .. run.ExtraArguments,
        ];

        var command = new PeerCommand(Program, arguments, workspace.Root, run.LogName);
        var exit = await PeerRunner.RunAsync(command, run.Timeout);
        return new SippResult(exit, ReadCounts(exit.Stdout, statFile), localPort, PeerExit.ReadOrEmpty(errorFile), PeerExit.ReadOrEmpty(messageFile));
    }

    // The final screen is authoritative; the statistics file is the fallback when stdout was cut short.
    private static SippCallCounts? ReadCounts(string stdout, string statFile)
    {
        if (SippScreenParser.TryParse(stdout, out var fromScreen))
        {
            return fromScreen;
        }

        return SippStatParser.TryParse(PeerExit.ReadOrEmpty(statFile), out var fromStat) ? fromStat : null;
    }
}
