using CallCenter.Calls;
using CallCenter.Calls.Media;
using CallCenter.Calls.Routing;
using CallCenter.Calls.Sip;
using CallCenter.Config;
using CallCenter.Ivr.Catalog;
using CallCenter.Ivr.Runtime;
using CallCenter.Media.Audio;
using CallCenter.Media.Dtmf;
using CallCenter.Media.Transport;
using CallCenter.Media.Transport.Clock;
using CallCenter.Server.Flows;
using CallCenter.Server.Hosting;
using CallCenter.Sip.Core;
using CallCenter.Sip.Registrar;
using CallCenter.Sip.SessionTimers;

namespace CallCenter.Server.Calls;

/// <summary>
/// Registers call handling: media engine (RTP ports, receive threads, clock, prompts), routing (the one router, also the
/// <see cref="IQueueRouter"/> and <see cref="IContactCentre"/>; it calls every <see cref="IRoutingObserver"/>), the IVR flow
/// runtime, and the call manager that runs each number's flow (from the flow catalog <c>AddFlows</c> registers).
/// </summary>
public static class CallsServiceCollectionExtensions
{
    /// <summary>Adds the services; the prompt folder is loaded and checked here, so a bad prompt stops the server at start.</summary>
    public static IServiceCollection AddCalls(this IServiceCollection services, IConfiguration configuration, SipServerOptions sip, CallCenterConfig config)
    {
        var media = configuration.GetSection("Media").Get<MediaSettings>() ?? new MediaSettings();
        var callOptions = configuration.GetSection("Calls").Get<CallOptions>() ?? new CallOptions();
        try
        {
            // Checked here, so a bad session timer stops the server at start like every other setting (RFC 4028 §5).
            SessionTimerOptions.From(callOptions.SessionExpires, callOptions.MinSE);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException("Calls:SessionExpires / Calls:MinSE: " + e.Message, e);
        }

        var acceptAnonymous = configuration.GetValue("Calls:AcceptAnonymousCallers", false);
        var routingOptions = configuration.GetSection("Routing").Get<RoutingOptions>() ?? new RoutingOptions();
        var advertised = AdvertisedAddress.Choose(media.Address, sip.PublicAddress, sip.Address);
        var transport = new MediaTransportOptions
        {
            PortMin = media.PortMin,
            PortMax = media.PortMax,
            ReceiveThreads = media.ReceiveThreads,
            InactivityTimeout = TimeSpan.FromSeconds(media.InactivitySeconds),

            // A limit, not an allocation: with the kernel default (~208 KB) a burst from a flooding source can push
            // the real peer's packets out of the queue before the receive thread reads them.
            SocketReceiveBufferBytes = 1024 * 1024,
        };
        transport.Validate();
        var prompts = PromptLibrary.Load(new PromptLibraryOptions { Directory = ContentPath.Resolve(media.PromptDirectory) });
        HoldMusicCheck.Verify(config, prompts);

        services.AddSingleton(callOptions);
        services.AddSingleton(prompts);
        services.AddSingleton(sp => new MediaClock(new MediaClockOptions(), sp.GetRequiredService<ILogger<MediaClock>>()));
        services.AddSingleton(sp => new MediaReceiver(transport, new RtpPortPool(transport), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<MediaReceiver>>()));
        services.AddSingleton(sp => new MediaEngine(
            sp.GetRequiredService<MediaReceiver>(),
            sp.GetRequiredService<MediaClock>(),
            prompts,
            advertised,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));

        // One router for every call: it owns the routing engine and follows the agents' registrations.
        services.AddSingleton(routingOptions);
        services.AddSingleton(sp => new RoutingCoordinator(
            sp.GetRequiredService<CallCenterConfig>(),
            sp.GetRequiredService<BindingStore>(),
            routingOptions,
            callOptions,
            sp.GetServices<IRoutingObserver>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RoutingCoordinator>>()));
        services.AddSingleton<IQueueRouter>(sp => sp.GetRequiredService<RoutingCoordinator>());
        services.AddSingleton<IQueuePlanner>(sp => sp.GetRequiredService<RoutingCoordinator>());
        services.AddSingleton<IContactCentre>(sp => sp.GetRequiredService<RoutingCoordinator>());

        // One runtime for every call. The runtime falls back to English per prompt itself, so it must see which prompts
        // each language really has: the library's own lookups would already have fallen back.
        services.AddSingleton(sp => new FlowRuntime(
            sp.GetRequiredService<FlowCatalog>().Find,
            new PromptLibraryCatalog(prompts),
            sp.GetRequiredService<ILogger<FlowRuntime>>()));
        services.AddSingleton(sp =>
        {
            var core = sp.GetRequiredService<UserAgentCore>();
            core.AcceptAnonymousCallers = acceptAnonymous;
            return new CallManager(
                core,
                sp.GetRequiredService<MediaEngine>(),
                sp.GetRequiredService<IQueueRouter>(),
                sp.GetRequiredService<IQueuePlanner>(),
                sp.GetRequiredService<CallCenterConfig>().Numbers,
                sp.GetRequiredService<FlowCatalog>().Find,
                sp.GetRequiredService<FlowRuntime>(),
                sp.GetRequiredService<MediaEngine>().CountingSipInfoDigits(ParseInfoDigit),
                callOptions,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<CallManager>>());
        });
        services.AddHostedService<CallsHostedService>();
        return services;
    }

    private static char? ParseInfoDigit(string contentType, string body) =>
        SipInfoDtmfParser.TryParse(contentType, body, out var dtmf, out _) ? dtmf.Digit : null;
}
