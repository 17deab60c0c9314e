using Prometheus;

namespace CallCenter.Server.Trunks;

/// <summary><c>callcenter_trunk_registered{trunk}</c>: 1 while the provider holds our registration, else 0; read at scrape time.</summary>
public sealed class TrunkMetrics(CollectorRegistry registry, TrunkRegistrations registrations)
{
    /// <summary>Creates the gauge and hooks it to the registry's scrape.</summary>
    public void Register()
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        var registered = factory.CreateGauge("callcenter_trunk_registered", "1 while the trunk's provider holds our registration, else 0.", "trunk");
        var failures = factory.CreateGauge("callcenter_trunk_registration_failures", "Failed registration attempts in a row, by trunk (0 once registered).", "trunk");
        registry.AddBeforeCollectCallback(() =>
        {
            foreach (var registration in registrations.All)
            {
                var status = registration.Status;
                registered.WithLabels(registration.Name).Set(status.IsRegistered ? 1 : 0);
                failures.WithLabels(registration.Name).Set(status.ConsecutiveFailures);
            }
        });
    }
}
