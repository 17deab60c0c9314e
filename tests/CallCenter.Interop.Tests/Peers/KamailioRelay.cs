using System.Globalization;
using CallCenter.Interop.Tests.Infrastructure;

namespace CallCenter.Interop.Tests.Peers;

/// <summary>
/// A minimal stateful kamailio proxy in front of the server: it listens on one UDP port on 127.0.0.1 and relays
/// every request to the server (tm's t_relay to <c>$du</c>), so responses come back through its transaction layer
/// and its own Via (RFC 3261 §16.6 step 8, §16.7).
/// </summary>
public sealed class KamailioRelay : IAsyncDisposable
{
    /// <summary>The program name on PATH.</summary>
    public const string Program = "kamailio";

    private const string ModulePath = "/usr/lib/x86_64-linux-gnu/kamailio/modules/";
    private static readonly TimeSpan ReadyLimit = TimeSpan.FromSeconds(10);

    private readonly PeerProcess _process;

    private KamailioRelay(PeerProcess process, int port, string configPath)
    {
        _process = process;
        Port = port;
        ConfigPath = configPath;
    }

    /// <summary>kamailio's UDP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The kamailio.cfg the relay runs.</summary>
    public string ConfigPath { get; }

    /// <summary>The configuration text: relay everything arriving on <paramref name="listenPort"/> to the server.</summary>
    public static string RenderConfig(int listenPort, int serverPort) =>
        string.Create(CultureInfo.InvariantCulture, $$"""
        #!KAMAILIO
        # Interop test relay: every request goes statefully to the CallCenter server under test.
        debug=2
        log_stderror=yes
        children=1
        disable_tcp=yes
        auto_aliases=no
        listen=udp:127.0.0.1:{{listenPort}}

        mpath="{{ModulePath}}"
        loadmodule "tm.so"
        loadmodule "sl.so"
        loadmodule "rr.so"
        loadmodule "pv.so"
        loadmodule "maxfwd.so"

        request_route {
            if (!mf_process_maxfwd_header("10")) {
                sl_send_reply("483", "Too Many Hops");
                exit;
            }
            if (method == "INVITE") {
                record_route();
            }
            $du = "sip:127.0.0.1:{{serverPort}};transport=udp";
            if (!t_relay()) {
                sl_reply_error();
            }
            exit;
        }

        """);

    /// <summary>Writes the config into <paramref name="workspace"/>; returns its path.</summary>
    public static string WriteConfig(InteropWorkspace workspace, int listenPort, int serverPort) =>
        workspace.WriteFile("kamailio/kamailio.cfg", RenderConfig(listenPort, serverPort));

    /// <summary>Runs <c>kamailio -c</c> (syntax and module check) on <paramref name="configPath"/>.</summary>
    public static Task<PeerExit> CheckAsync(InteropWorkspace workspace, string configPath) =>
        PeerRunner.RunAsync(new PeerCommand(Program, ["-c", "-f", configPath], workspace.Root, "kamailio-check"), TimeSpan.FromSeconds(10));

    /// <summary>Starts kamailio in the foreground (<c>-DD -E</c>) and waits until its UDP port is bound.</summary>
    public static async Task<KamailioRelay> StartAsync(InteropWorkspace workspace, string configPath, int listenPort)
    {
        var runtimeDirectory = workspace.Subdirectory("kamailio/run");
        string[] arguments = ["-DD", "-E", "-f", configPath, "-Y", runtimeDirectory, "-P", Path.Combine(runtimeDirectory, "kamailio.pid")];
        var process = PeerProcess.Start(new PeerCommand(Program, arguments, workspace.Root, "kamailio"));
        var relay = new KamailioRelay(process, listenPort, configPath);
        var ready = await Eventually.TrueWithinAsync(ReadyLimit, () => process.HasExited || LoopbackPorts.IsUdpBound(listenPort));
        if (!ready || process.HasExited)
        {
            await relay.DisposeAsync();
            throw new InvalidOperationException(
                $"kamailio did not bind UDP 127.0.0.1:{listenPort} within {ReadyLimit.TotalSeconds} s:\n{PeerExit.ReadOrEmpty(process.StderrPath)}");
        }

        return relay;
    }

    /// <summary>What kamailio logged so far (it logs to stderr with <c>-E</c>).</summary>
    public string Log => PeerExit.ReadOrEmpty(_process.StderrPath);

    /// <summary>Kills kamailio and its worker processes.</summary>
    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
