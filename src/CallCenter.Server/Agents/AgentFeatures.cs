using CallCenter.Calls;
using CallCenter.Calls.FeatureCodes;
using CallCenter.Calls.Media;
using CallCenter.Calls.Routing;
using CallCenter.Config;
using CallCenter.Server.Http;
using CallCenter.Server.Metrics;
using CallCenter.Sip.Core;
using CallCenter.Store;

namespace CallCenter.Server.Agents;

/// <summary>
/// Wires what supervisors and agents use around routing: the JSON API and its OpenAPI document, per-queue metrics,
/// the agent state history in the store, and the feature codes agents dial to change their state.
/// </summary>
public static class AgentFeatures
{
    /// <summary>
    /// Adds the services. Feature codes come from the <c>FeatureCodes</c> section (defaults <c>*21</c>–<c>*24</c>); a bad
    /// or clashing code throws <see cref="InvalidOperationException"/> so the server refuses to start.
    /// </summary>
    public static IServiceCollection AddAgentFeatures(this IServiceCollection services, IConfiguration configuration, CallCenterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        services.AddCallCenterApi();
        services.AddAgentStateHistory(configuration);
        services.AddSingleton<QueueMetrics>();
        services.AddSingleton<IRoutingObserver>(sp => sp.GetRequiredService<QueueMetrics>());
        services.AddSingleton<QueueStatusMetrics>();
        services.AddSingleton(LoadFeatureCodes(configuration, config));
        services.AddSingleton(sp => new FeatureCodeInviteHandler(
            sp.GetRequiredService<UserAgentCore>(),
            sp.GetRequiredService<CallManager>(),
            sp.GetRequiredService<FeatureCodeCatalog>(),
            sp.GetRequiredService<IContactCentre>(),
            sp.GetRequiredService<MediaEngine>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<FeatureCodeInviteHandler>>()));
        return services;
    }

    /// <summary>
    /// Opens the store (creating the file; a bad path stops the start with <see cref="StoreException"/>), creates the
    /// queue series, puts the feature codes in front of the call manager and maps the API. Routing
    /// (<see cref="IContactCentre"/>) must be registered for the live queue gauges and the feature codes.
    /// </summary>
    public static WebApplication UseAgentFeatures(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.Services;
        services.GetRequiredService<CallCenterDatabase>();
        services.GetRequiredService<QueueMetrics>();
        if (services.GetService<IContactCentre>() is null)
        {
            services.GetRequiredService<ILogger<FeatureCodeInviteHandler>>()
                .LogWarning("Routing is not registered: no live queue metrics and no feature codes");
        }
        else
        {
            services.GetRequiredService<QueueStatusMetrics>().Register();
            services.GetRequiredService<FeatureCodeInviteHandler>().Install();
        }

        app.MapCallCenterApi();
        return app;
    }

    private static FeatureCodeCatalog LoadFeatureCodes(IConfiguration configuration, CallCenterConfig config)
    {
        var options = configuration.GetSection("FeatureCodes").Get<FeatureCodeOptions>() ?? new FeatureCodeOptions();
        if (!FeatureCodeCatalog.TryCreate(options, out var catalog, out var error))
        {
            throw new InvalidOperationException(error);
        }

        foreach (var code in catalog!.Codes)
        {
            if (config.Numbers.ContainsKey(code.Number))
            {
                throw new InvalidOperationException(
                    $"FeatureCodes:{code.Command}: '{code.Number}' is also a number in the configuration file; choose another code");
            }
        }

        return catalog;
    }
}
