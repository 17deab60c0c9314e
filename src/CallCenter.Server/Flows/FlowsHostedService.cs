using CallCenter.Ivr.Catalog;

namespace CallCenter.Server.Flows;

/// <summary>Starts watching the flows folder once the server runs (the flows themselves were loaded when it was built).</summary>
public sealed class FlowsHostedService(FlowCatalog catalog) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.StartWatching();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
