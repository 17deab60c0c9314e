using CallCenter.Auth;
using CallCenter.Config;
using CallCenter.Ivr.Catalog;
using CallCenter.Server.Agents;
using CallCenter.Server.Callbacks;
using CallCenter.Server.Calls;
using CallCenter.Server.Flows;
using CallCenter.Server.Http;
using CallCenter.Server.Metrics;
using CallCenter.Server.Trunks;
using CallCenter.Sip.Core;
using CallCenter.Sip.Registrar;
using CallCenter.Sip.Stack;
using CallCenter.Sip.Transport;
using Prometheus;

namespace CallCenter.Server.Hosting;

/// <summary>
/// The composition root: reads configuration (appsettings.json, environment, command line), loads the
/// contact-centre file, and wires SIP, HTTP and metrics into one ASP.NET Core host.
/// </summary>
public static class CallCenterServer
{
    /// <summary>Default HTTP address when <c>--urls</c> is not given: loopback only, so nothing is exposed by accident.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>Default contact-centre configuration file.</summary>
    public const string DefaultConfigPath = "config/callcenter.yaml";

    /// <summary>Builds the server and loads the IVR flows; throws <see cref="ConfigException"/>, <see cref="FlowCatalogException"/> or <see cref="InvalidOperationException"/> for bad configuration.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        ProgramSettingsFile.AddWhenMissingFromContentRoot(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        var sipSettings = builder.Configuration.GetSection("Sip").Get<SipServerOptions>() ?? new SipServerOptions();
        var registrarOptions = builder.Configuration.GetSection("Sip:Registrar").Get<RegistrarOptions>() ?? new RegistrarOptions();
        var stackOptions = SipStackOptionsFactory.Create(sipSettings);
        var digestOptions = DigestOptions(sipSettings);
        var config = ConfigLoader.Load(builder.Configuration["config"] ?? DefaultConfigPath);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(config);
        services.AddSingleton(sipSettings);
        services.AddSingleton(registrarOptions);
        services.AddSingleton(Prometheus.Metrics.NewCustomRegistry());
        services.AddSingleton<SipMetrics>();
        services.AddSingleton<ISipCredentialStore, AgentCredentialStore>();
        services.AddSingleton(sp => new DigestServer(digestOptions, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RequestAuthenticator>();
        services.AddSingleton(sp => new BindingStore(registrarOptions, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RegistrarService>();
        services.AddSingleton(sp => new SipStack(stackOptions, sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<SipMetrics>()));
        services.AddSingleton(sp => new UserAgentCore(
            sp.GetRequiredService<SipStack>(),
            sp.GetRequiredService<RequestAuthenticator>(),
            sp.GetRequiredService<RegistrarService>(),
            sp.GetRequiredService<ILogger<UserAgentCore>>()));
        services.AddSingleton<SipStateMetrics>();
        services.AddCalls(builder.Configuration, sipSettings, config);
        services.AddFlows(builder.Configuration);
        services.AddAgentFeatures(builder.Configuration, config);
        services.AddSingleton<CallMetrics>();
        services.AddSingleton<MediaMetrics>();
        services.AddHostedService<SipHostedService>();
        services.AddTrunks(config);
        services.AddCallbacks(builder.Configuration, config);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));

        var app = builder.Build();
        app.Services.LoadFlows();
        app.Services.GetRequiredService<UserAgentCore>().AttachTo(app.Services.GetRequiredService<SipStack>());
        app.Services.GetRequiredService<SipStateMetrics>().Register();
        app.Services.GetRequiredService<CallMetrics>().Register();
        app.Services.GetRequiredService<MediaMetrics>().Register();
        app.Services.UseTrunks();
        app.UseCallbacks();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapRegistrations();
        app.UseAgentFeatures();
        app.MapMetrics("/metrics", app.Services.GetRequiredService<CollectorRegistry>());
        return app;
    }

    /// <summary>Runs the server until SIGTERM/Ctrl-C; bad configuration is printed and exits with code 2.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = Build(args);
        }
        catch (Exception e) when (e is ConfigException or FlowCatalogException or InvalidOperationException or ArgumentException or CallCenter.Media.Audio.PromptLibraryException or CallCenter.Store.StoreException)
        {
            await Console.Error.WriteLineAsync("callcenter: configuration error:" + Environment.NewLine + e.Message).ConfigureAwait(false);
            return 2;
        }

        try
        {
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (SipTransportBindException e)
        {
            await Console.Error.WriteLineAsync("callcenter: " + e.Message).ConfigureAwait(false);
            return 2;
        }
    }

    private static DigestServerOptions DigestOptions(SipServerOptions sip)
    {
        var algorithms = new List<DigestAlgorithm>();
        foreach (var name in sip.AuthAlgorithms.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!DigestAlgorithm.TryParse(name, out var algorithm))
            {
                throw new InvalidOperationException($"Sip:AuthAlgorithms: unknown digest algorithm '{name}' (use SHA-256 or MD5).");
            }

            algorithms.Add(algorithm);
        }

        return new DigestServerOptions
        {
            Realm = sip.Realm,
            Algorithms = algorithms,
            NonceLifetime = TimeSpan.FromSeconds(sip.NonceLifetimeSeconds),
        };
    }
}
