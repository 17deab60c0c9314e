using CallCenter.Calls;
using CallCenter.Calls.Media;
using Prometheus;

namespace CallCenter.Server.Metrics;

/// <summary>Call metrics: calls in progress, calls by outcome, media legs (port pairs) open.</summary>
public sealed class CallMetrics(CollectorRegistry registry, CallManager calls, MediaEngine media)
{
    /// <summary>Creates the collectors.</summary>
    public void Register()
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        var active = factory.CreateGauge("callcenter_calls_active", "Calls in progress.");
        var legs = factory.CreateGauge("callcenter_media_legs_active", "RTP legs (port pairs) open.");
        var ended = factory.CreateCounter("callcenter_calls_total", "Finished calls, by outcome.", "outcome");
        calls.CallEnded += call => ended.WithLabels(OutcomeLabel(call.Outcome)).Inc();
        registry.AddBeforeCollectCallback(() =>
        {
            active.Set(calls.ActiveCalls);
            legs.Set(media.ActiveLegs);
        });
    }

    // Outcomes come from a fixed set in InboundCall, except agent-failed-<status>: fold the status into its class.
    private static string OutcomeLabel(string? outcome) =>
        outcome is null ? "unknown" : outcome.StartsWith("agent-failed-", StringComparison.Ordinal) ? "agent-failed-" + outcome[13] + "xx" : outcome;
}
