using CallCenter.Calls.Routing;
using CallCenter.Config;
using CallCenter.Ivr.Catalog;
using CallCenter.Media.Audio;
using CallCenter.Server.Calls;
using CallCenter.Server.Metrics;

namespace CallCenter.Server.Flows;

/// <summary>Registers the IVR flow catalog: the flows folder checked against the loaded prompts, and watched for edits.</summary>
public static class FlowsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="FlowCatalog"/> (folder from <c>Flows:Directory</c>, resolved like the prompt folder), its
    /// metrics and the service that watches the folder. Every number of the contact-centre file must name a flow.
    /// </summary>
    public static IServiceCollection AddFlows(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Flows").Get<FlowSettings>() ?? new FlowSettings();
        if (string.IsNullOrWhiteSpace(settings.Directory))
        {
            throw new ArgumentException("Flows:Directory: the IVR flows folder must not be empty.");
        }

        string directory = ContentPath.Resolve(settings.Directory);
        services.AddSingleton(sp => new FlowCatalog(
            directory,
            new PromptLibraryCatalog(sp.GetRequiredService<PromptLibrary>()),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<FlowCatalog>>())
        {
            Requirements = NumberRequirements.From(sp.GetRequiredService<CallCenterConfig>()),

            // Checked with the numbers: a callback node naming a queue routing does not have is refused at start.
            KnownQueues = new HashSet<string>(
                [.. sp.GetRequiredService<CallCenterConfig>().Queues.Select(q => q.Name), DefaultQueueSettings.Name], StringComparer.Ordinal),
        });
        services.AddSingleton<FlowMetrics>();
        services.AddHostedService<FlowsHostedService>();
        return services;
    }

    /// <summary>
    /// Loads the flows and registers their metrics, before the server starts taking calls.
    /// </summary>
    /// <exception cref="FlowCatalogException">A flow has an error, or a number names no usable flow; the message lists every problem.</exception>
    public static void LoadFlows(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetRequiredService<FlowCatalog>().Load();
        services.GetRequiredService<FlowMetrics>().Register();
    }
}
