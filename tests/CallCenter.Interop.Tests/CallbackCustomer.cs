using System.Globalization;
using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Sipp;

namespace CallCenter.Interop.Tests;

/// <summary>
/// The customer of a callback: sipp as the far end of the trunk (an IP-authenticated provider) on a port the server's
/// trunk was configured with before the customer starts, so it can be started once the callback is due rather than
/// for the whole test. Handles one call (<c>callback_customer_answers.xml</c>) and exits.
/// </summary>
public sealed class CallbackCustomer : IAsyncDisposable
{
    private static readonly TimeSpan BindLimit = TimeSpan.FromSeconds(5);
    private readonly PeerProcess _process;

    private CallbackCustomer(PeerProcess process, string messageLogPath)
    {
        _process = process;
        MessageLogPath = messageLogPath;
    }

    /// <summary>sipp's message trace.</summary>
    public string MessageLogPath { get; }

    /// <summary>The trace so far.</summary>
    public string MessageLog => PeerExit.ReadOrEmpty(MessageLogPath);

    /// <summary>The server's <c>trunks:</c> and <c>callbacks:</c> sections for a provider on <paramref name="port"/>.</summary>
    public static string ConfigYaml(int port) =>
        "trunks:\n" +
        "  sipp-customer:\n" +
        "    host: 127.0.0.1\n" +
        $"    port: {port.ToString(CultureInfo.InvariantCulture)}\n" +
        "    addresses: [127.0.0.1]\n" +
        "    caller-id: \"+6328881234\"\n" +
        "    default-region: PH\n" +
        "callbacks:\n" +
        "  trunk: sipp-customer\n" +
        "  from-name: \"Call Center\"\n";

    /// <summary>Starts sipp on <paramref name="port"/>; returns once it listens.</summary>
    public static async Task<CallbackCustomer> StartAsync(InteropWorkspace workspace, int port, string logName)
    {
        var messageLog = workspace.PathOf(logName + "-messages.log");
        var arguments = new List<string>
        {
            "-sf", SippRunner.ScenarioPath("callback_customer_answers.xml"),
            "-i", "127.0.0.1",
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "-cp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture),
            "-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture),
            "-m", "1",
            "-nostdin",
            "-timeout", "60s",
            "-trace_err", "-error_file", workspace.PathOf(logName + "-errors.log"),
            "-trace_msg", "-message_file", messageLog,
        };
        var process = PeerProcess.Start(new PeerCommand(SippRunner.Program, arguments, workspace.Root, logName));
        var customer = new CallbackCustomer(process, messageLog);
        if (!await Eventually.TrueWithinAsync(BindLimit, () => process.HasExited || LoopbackPorts.IsUdpBound(port)) || process.HasExited)
        {
            var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(1));
            await customer.DisposeAsync();
            throw new InvalidOperationException("The sipp customer did not start\n" + exit.Describe());
        }

        return customer;
    }

    /// <summary>Waits up to <paramref name="timeout"/> for sipp to finish its call.</summary>
    public Task<PeerExit> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    /// <summary>The exit and the trace, for assertion messages.</summary>
    public string Describe(PeerExit exit) => $"{exit.Describe(25)}\n--- customer message trace ---\n{PeerExit.Tail(MessageLog, 80)}";

    /// <summary>Kills sipp if it still runs.</summary>
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
