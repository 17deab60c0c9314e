using System.Globalization;
using CallCenter.Interop.Tests.Infrastructure;

namespace CallCenter.Interop.Tests.Sipp;

/// <summary>
/// An agent softphone played by sipp. A sipp UAC scenario cannot also take new incoming calls, so the agent is two
/// runs on one port: <c>register.xml</c> registers the agent with a Contact naming that port, then a UAS scenario
/// listens on it for the server's INVITE and handles exactly one call (<c>-m 1</c>) before exiting.
/// </summary>
public sealed class SippAgentUas : IAsyncDisposable
{
    private static readonly TimeSpan BindLimit = TimeSpan.FromSeconds(5);

    private readonly PeerProcess _process;

    private SippAgentUas(PeerProcess process, int port, string messageLogPath, string errorLogPath)
    {
        _process = process;
        Port = port;
        MessageLogPath = messageLogPath;
        ErrorLogPath = errorLogPath;
    }

    /// <summary>The agent's SIP port on 127.0.0.1 (its registered Contact).</summary>
    public int Port { get; }

    /// <summary>sipp's <c>-trace_msg</c> file: every SIP message the agent sent and received.</summary>
    public string MessageLogPath { get; }

    /// <summary>sipp's <c>-trace_err</c> file: why a call failed.</summary>
    public string ErrorLogPath { get; }

    /// <summary>The agent's SIP message trace so far.</summary>
    public string MessageLog => PeerExit.ReadOrEmpty(MessageLogPath);

    /// <summary>
    /// Registers the agent with <paramref name="server"/> and starts the UAS; returns once the UAS's port is bound.
    /// Throws with the peers' logs when the registration fails or the UAS does not start.
    /// </summary>
    public static async Task<SippAgentUas> StartAsync(InteropWorkspace workspace, ServerHost server, SippUasRun run)
    {
        var port = LoopbackPorts.ReserveOne();
        var registration = await SippRunner.RunAsync(workspace, new SippRun("register.xml", server.SipPort)
        {
            LocalPort = port,
            LogName = run.LogName + "-register",
            Users = [(run.Agent.Extension, run.Agent.Secret)],
        });
        if (!registration.AllSucceeded(1))
        {
            throw new InvalidOperationException("The sipp agent could not register\n" + registration.Describe());
        }

        var messageLog = workspace.PathOf(run.LogName + "-messages.log");
        var errorLog = workspace.PathOf(run.LogName + "-errors.log");
        var process = PeerProcess.Start(new PeerCommand(SippRunner.Program, Arguments(run, port, messageLog, errorLog), workspace.Root, run.LogName));
        var agent = new SippAgentUas(process, port, messageLog, errorLog);
        if (!await Eventually.TrueWithinAsync(BindLimit, () => process.HasExited || LoopbackPorts.IsUdpBound(port)) || process.HasExited)
        {
            var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(1));
            await agent.DisposeAsync();
            throw new InvalidOperationException("The sipp agent UAS did not start\n" + exit.Describe());
        }

        return agent;
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the UAS to finish its one call (killed past that).</summary>
    public Task<PeerExit> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    /// <summary>Everything useful for an assertion message: the exit, the error log and the message trace.</summary>
    public string Describe(PeerExit exit) =>
        $"""
        {exit.Describe(25)}
        --- agent error log ---
        {PeerExit.Tail(PeerExit.ReadOrEmpty(ErrorLogPath), 30)}
        --- agent message trace (last 80 lines) ---
        {PeerExit.Tail(MessageLog, 80)}
        """;

    /// <summary>Kills the UAS if it is still running.</summary>
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static List<string> Arguments(SippUasRun run, int port, string messageLog, string errorLog)
    {
        var controlPort = LoopbackPorts.ReserveOne();
        var arguments = new List<string>();
        if (run.Scenario is null)
        {
            arguments.AddRange(["-sn", "uas"]);
        }
        else
        {
            arguments.AddRange(["-sf", SippRunner.ScenarioPath(run.Scenario)]);
        }

        arguments.AddRange(
        [
            "-i", "127.0.0.1",
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "-cp", controlPort.ToString(CultureInfo.InvariantCulture),
            "-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture),
            "-m", "1",
            "-nostdin",
            "-buff_size", "4194304",
            "-timeout", string.Create(CultureInfo.InvariantCulture, $"{(int)run.Timeout.TotalSeconds}s"),
            "-trace_err", "-error_file", errorLog,
            "-trace_msg", "-message_file", messageLog,
        ]);
        foreach (var (name, value) in run.Keys)
        {
            arguments.AddRange(["-key", name, value]);
        }

        return arguments;
    }
}
