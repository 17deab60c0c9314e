using CallCenter.Ivr.Catalog;
using Prometheus;

namespace CallCenter.Server.Metrics;

/// <summary>IVR flow metrics: how many flows are in use, and how reloads of the flows folder went.</summary>
public sealed class FlowMetrics(CollectorRegistry registry, FlowCatalog catalog)
{
    /// <summary>Creates the collectors.</summary>
    public void Register()
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        var loaded = factory.CreateGauge("callcenter_flows_loaded", "IVR flows in use.");
        var reloads = factory.CreateCounter("callcenter_flow_reloads_total", "Reloads of the IVR flows folder after an edit: ok (swapped in) or rejected (errors; the old flows stay).", "result");

        // Both series exist from the start, so a dashboard shows 0 rather than nothing before the first edit.
        Counter.Child ok = reloads.WithLabels("ok");
        Counter.Child rejected = reloads.WithLabels("rejected");
        catalog.Reloaded += (_, e) => (e.Accepted ? ok : rejected).Inc();
        registry.AddBeforeCollectCallback(() => loaded.Set(catalog.Flows.Count));
    }
}
