using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Server.Hosting;
using Microsoft.AspNetCore.Builder;

namespace CallCenter.Interop.Tests.Infrastructure;

/// <summary>
/// The CallCenter server running in this test process on free loopback ports, with a YAML config of test agents.
/// Peers reach it at 127.0.0.1:<see cref="SipPort"/> (UDP and TCP); tests read its state over <see cref="Http"/>.
/// </summary>
public sealed class ServerHost : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(20);
    // A graceful stop may wait for live transactions to finish; a test has nothing left to deliver, so it bounds
    // the wait rather than sit out UDP timers (Timer J is 64*T1 = 32 s, RFC 3261 §17.2.2).
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(1);

    private readonly WebApplication _app;

    private ServerHost(WebApplication app, int sipPort, int httpPort)
    {
        _app = app;
        SipPort = sipPort;
        HttpPort = httpPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>SIP port (UDP and TCP) on 127.0.0.1.</summary>
    public int SipPort { get; }

    /// <summary>HTTP port on 127.0.0.1.</summary>
    public int HttpPort { get; }

    /// <summary>Client for the server's HTTP API.</summary>
    public HttpClient Http { get; }

    /// <summary>The running server's services, for tests that drive a part of it directly (e.g. the trunk dialer).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The sample flows (ivr-flows/ of the repository), copied next to the binaries with the server.</summary>
    public static string SampleFlowsDirectory => Path.Combine(AppContext.BaseDirectory, "ivr-flows");

    /// <summary>
    /// Writes the config for <paramref name="agents"/> and <paramref name="numbers"/> (by default 100 → the agent line,
    /// <see cref="ServerConfigWriter.AgentLineNumbers"/>) into <paramref name="workspace"/> and starts the server with
    /// the sample flows; returns once its SIP sockets are bound. <paramref name="authAlgorithms"/>, when given, replaces
    /// the offered digest algorithms (<c>--Sip:AuthAlgorithms=A,B</c>, most preferred first). <paramref name="settings"/>
    /// are further command-line settings appended last, so they win (e.g. <c>--Calls:RingTimeout=00:00:03</c>, or
    /// <c>--Flows:Directory=DIR</c> for flows of the test's own).
    /// </summary>
    public static async Task<ServerHost> StartAsync(
        InteropWorkspace workspace,
        IEnumerable<TestAgent> agents,
        IReadOnlyList<string>? authAlgorithms = null,
        IReadOnlyList<string>? settings = null,
        IReadOnlyDictionary<string, string>? numbers = null)
    {
        var configPath = workspace.WriteFile("callcenter.yaml", ServerConfigWriter.Render(agents, numbers));
        var ports = LoopbackPorts.Reserve(2);
        var (sipPort, httpPort) = (ports[0], ports[1]);
        var args = new List<string>
        {
            $"--Sip:Port={sipPort}",
            "--Sip:Address=127.0.0.1",
            $"--urls=http://127.0.0.1:{httpPort}",
            $"--config={configPath}",
            $"--Flows:Directory={SampleFlowsDirectory}",
            "--Logging:LogLevel:Default=Warning",

            // Each server its own database (tests run side by side); a setting below may name another, e.g. to keep
            // one database across a restart.
            "--Store:Path=" + workspace.PathOf("callcenter.db"),
        };
        if (authAlgorithms is { Count: > 0 })
        {
            args.Add("--Sip:AuthAlgorithms=" + string.Join(',', authAlgorithms));
        }

        args.AddRange(settings ?? []);

        var app = CallCenterServer.Build(args.ToArray());
        try
        {
            using var limit = new CancellationTokenSource(StartLimit);
            await app.StartAsync(limit.Token);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new ServerHost(app, sipPort, httpPort);
    }

    /// <summary>Starts a server whose only agent is <see cref="TestAgent.Default"/> and which offers MD5 only (also the server's default).</summary>
    /// <remarks>
    /// sipp 3.6.1 answers only the first WWW-Authenticate and refuses SHA-256 ("createAuthHeader: authentication
    /// must use MD5 or AKAv1-MD5"); baresip 1.0.0 gives up ("Function not implemented") if ANY challenge is not MD5;
    /// sipsak 0.9.8 fails on a first SHA-256 challenge ("unsupported authentication algorithm"). So peer tests
    /// restrict the server to MD5 (RFC 8760 §2.4 lets a server offer any subset).
    /// </remarks>
    public static Task<ServerHost> StartMd5Async(InteropWorkspace workspace) =>
        StartAsync(workspace, [TestAgent.Default], ["MD5"]);

    /// <summary>
    /// <see cref="StartMd5Async(InteropWorkspace)"/> with further command-line <paramref name="settings"/>, e.g.
    /// <c>--Calls:RingTimeout=00:00:03</c>.
    /// </summary>
    public static Task<ServerHost> StartMd5Async(InteropWorkspace workspace, IReadOnlyList<string> settings) =>
        StartAsync(workspace, [TestAgent.Default], ["MD5"], settings);

    /// <summary>The live bindings (<c>GET /api/registrations</c>).</summary>
    public async Task<IReadOnlyList<RegistrationView>> GetRegistrationsAsync() =>
        await Http.GetFromJsonAsync<RegistrationView[]>("/api/registrations", JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException("/api/registrations returned null");

    /// <summary>The bindings of <paramref name="user"/>'s address-of-record.</summary>
    public async Task<IReadOnlyList<RegistrationView>> GetRegistrationsOfAsync(string user) =>
        (await GetRegistrationsAsync()).Where(binding => binding.IsFor(user)).ToArray();

    /// <summary>The Prometheus exposition (<c>GET /metrics</c>).</summary>
    public Task<string> GetMetricsAsync() => Http.GetStringAsync("/metrics");

    /// <summary>Stops the server and releases its sockets.</summary>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        using (var limit = new CancellationTokenSource(StopLimit))
        {
            await _app.StopAsync(limit.Token);
        }

        await _app.DisposeAsync();
    }
}
