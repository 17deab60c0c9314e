using CallCenter.Calls;
using CallCenter.Calls.Callbacks;
using CallCenter.Calls.Media;
using CallCenter.Calls.Routing;
using CallCenter.Calls.Trunks;
using CallCenter.Config;
using CallCenter.Server.Agents;
using CallCenter.Server.Http;
using CallCenter.Store;

namespace CallCenter.Server.Callbacks;

/// <summary>
/// Wires callbacks when the configuration has a <c>callbacks:</c> section (and so a trunk to place them through): the
/// store, the scheduler that keeps pending callbacks in line, the desk calls book them at, and the API. Without the
/// section the API lists none and every callback a flow asks for is refused.
/// </summary>
public static class CallbacksServiceCollectionExtensions
{
    /// <summary>Adds the services; call after <c>AddCalls</c> and <c>AddTrunks</c>.</summary>
    public static IServiceCollection AddCallbacks(this IServiceCollection services, IConfiguration configuration, CallCenterConfig config)
    {
        if (config.Callbacks is not { } settings)
        {
            return services;
        }

        var options = CallbackOptions.From(settings);
        services.AddCallCenterStore(configuration);
        services.AddSingleton(sp => new CallbackStore(sp.GetRequiredService<CallCenterDatabase>()));
        services.AddSingleton(sp => CallbackServices.ForServer(
            sp.GetRequiredService<CallManager>(),
            sp.GetRequiredService<IQueueRouter>(),
            sp.GetRequiredService<ITrunkDialer>(),
            sp.GetRequiredService<MediaEngine>(),
            sp.GetRequiredService<TimeProvider>(),
            options,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("CallCenter.Callbacks")));
        services.AddSingleton(sp => new CallbackScheduler(sp.GetRequiredService<CallbackStore>(), sp.GetRequiredService<CallbackServices>()));
        services.AddSingleton(sp => new CallbackDesk(
            sp.GetRequiredService<CallbackStore>(),
            sp.GetRequiredService<CallbackScheduler>(),
            sp.GetRequiredService<IQueueRouter>(),
            sp.GetRequiredService<ITrunkDialer>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("CallCenter.Callbacks"))
        {
            // A flow's callback node may name any of routing's queues for a caller who is not waiting (after hours).
            Queues = sp.GetRequiredService<RoutingCoordinator>().Queues,
        });
        services.AddHostedService<CallbacksHostedService>();
        return services;
    }

    /// <summary>
    /// Lets calls book callbacks (when configured), makes the queue figures count them, and maps <c>/api/callbacks</c>. Call once the host is built, before it
    /// starts; the pending callbacks are loaded when it starts.
    /// </summary>
    public static WebApplication UseCallbacks(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<CallbackDesk>() is { } desk)
        {
            // Opened now, so a bad Store:Path stops the server at start with a clear message.
            app.Services.GetRequiredService<CallbackStore>();
            app.Services.GetRequiredService<CallManager>().Callbacks = desk;

            // The queue figures (API and metrics) count every callback owed, timed retries included, not only those
            // routing holds now.
            if (app.Services.GetService<RoutingCoordinator>() is { } routing)
            {
                routing.CallbackBacklog = app.Services.GetRequiredService<CallbackScheduler>();
            }
        }

        app.MapCallbacks();
        return app;
    }
}
