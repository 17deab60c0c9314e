using System.Globalization;
using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Sipp;

namespace CallCenter.Interop.Tests;

/// <summary>
/// A telephone provider played by sipp on loopback: a UAS scenario on its own port that the server's trunk points at
/// (registrar, or the far end of outbound calls). It handles a given number of sipp calls (<c>-m</c>) and exits.
/// </summary>
public sealed class TrunkProvider : IAsyncDisposable
{
    /// <summary>The credentials the sipp scenarios check (trunk_*.xml).</summary>
    public const string Username = "trunk-user";

    /// <summary>The password the sipp scenarios check.</summary>
    public const string Password = "trunk-secret";

    /// <summary>The trunk's name in the server's config.</summary>
    public const string TrunkName = "sipp-provider";

    private static readonly TimeSpan BindLimit = TimeSpan.FromSeconds(5);
    private readonly PeerProcess _process;

    private TrunkProvider(PeerProcess process, int port, string messageLogPath)
    {
        _process = process;
        Port = port;
        MessageLogPath = messageLogPath;
    }

    /// <summary>The provider's SIP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>sipp's message trace.</summary>
    public string MessageLogPath { get; }

    /// <summary>The provider's SIP message trace so far.</summary>
    public string MessageLog => PeerExit.ReadOrEmpty(MessageLogPath);

    /// <summary>
    /// The server's <c>trunks:</c> and <c>callbacks:</c> sections for this provider: it registers when
    /// <paramref name="register"/>, its address (127.0.0.1) is trusted, and callbacks go out through it.
    /// </summary>
    public string ConfigYaml(bool register) =>
        "trunks:\n" +
        $"  {TrunkName}:\n" +
        "    host: 127.0.0.1\n" +
        $"    port: {Port.ToString(CultureInfo.InvariantCulture)}\n" +
        "    addresses: [127.0.0.1]\n" +
        (register ? $"    register: {{ username: \"{Username}\", secret: \"{Password}\", expires: 1h }}\n" : string.Empty) +
        "    caller-id: \"+6328881234\"\n" +
        "    default-region: PH\n" +
        "callbacks:\n" +
        $"  trunk: {TrunkName}\n" +
        "  from-name: \"Call Center\"\n";

    /// <summary>Starts sipp with <paramref name="scenario"/> on a free port; returns once it listens.</summary>
    /// <param name="workspace">Where logs go.</param>
    /// <param name="scenario">The UAS scenario.</param>
    /// <param name="calls">How many sipp calls (Call-IDs) it takes before exiting: the registration is one.</param>
    /// <param name="logName">Log file prefix.</param>
    public static async Task<TrunkProvider> StartAsync(InteropWorkspace workspace, string scenario, int calls = 1, string logName = "provider")
    {
        var port = LoopbackPorts.ReserveOne();
        var messageLog = workspace.PathOf(logName + "-messages.log");
        var errorLog = workspace.PathOf(logName + "-errors.log");
        var arguments = new List<string>
        {
            "-sf", SippRunner.ScenarioPath(scenario),
            "-i", "127.0.0.1",
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "-cp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture),
            "-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture),
            "-m", calls.ToString(CultureInfo.InvariantCulture),
            "-nostdin",
            "-timeout", "40s",
            "-trace_err", "-error_file", errorLog,
            "-trace_msg", "-message_file", messageLog,
        };
        var process = PeerProcess.Start(new PeerCommand(SippRunner.Program, arguments, workspace.Root, logName));
        var provider = new TrunkProvider(process, port, messageLog);
        if (!await Eventually.TrueWithinAsync(BindLimit, () => process.HasExited || LoopbackPorts.IsUdpBound(port)) || process.HasExited)
        {
            var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(1));
            await provider.DisposeAsync();
            throw new InvalidOperationException("The sipp provider did not start\n" + exit.Describe());
        }

        return provider;
    }

    /// <summary>Waits up to <paramref name="timeout"/> for sipp to finish its call.</summary>
    public Task<PeerExit> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    /// <summary>The exit and the message trace, for assertion messages.</summary>
    public string Describe(PeerExit exit) => $"{exit.Describe(25)}\n--- provider message trace ---\n{PeerExit.Tail(MessageLog, 80)}";

    /// <summary>Kills sipp if it still runs.</summary>
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
