using CallCenter.Calls.Routing;
using CallCenter.Store;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Server.Agents;

/// <summary>
/// Registers the SQLite store (<c>Store:Path</c>, default <see cref="StoreOptions.DefaultPath"/>) and the recorder
/// that keeps every agent state change in it.
/// </summary>
public static class AgentsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the store (once, whoever else adds it: TryAdd), the restorer that puts agents back in the state the last run
    /// left them in, and the agent state recorder as a routing observer and a hosted service.
    /// </summary>
    public static IServiceCollection AddAgentStateHistory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCallCenterStore(configuration);
        services.TryAddSingleton(sp => new AgentStateLog(sp.GetRequiredService<CallCenterDatabase>()));
        services.AddSingleton<AgentStateRecorder>();
        services.AddSingleton<IRoutingObserver>(sp => sp.GetRequiredService<AgentStateRecorder>());

        // Before the recorder starts writing: the restorer must read the log as the last run left it, not the
        // start-up states routing has just reported.
        services.AddHostedService<AgentStateRestorer>();
        services.AddHostedService(sp => sp.GetRequiredService<AgentStateRecorder>());
        return services;
    }

    /// <summary>
    /// Adds the database at <c>Store:Path</c>; it is opened (created, schema brought up to date) the first time it is
    /// resolved, which the server does while starting so a bad path stops it with a clear message.
    /// </summary>
    public static IServiceCollection AddCallCenterStore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Store").Get<StoreOptions>() ?? new StoreOptions();
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => CallCenterDatabase.Open(sp.GetRequiredService<StoreOptions>()));
        return services;
    }
}
