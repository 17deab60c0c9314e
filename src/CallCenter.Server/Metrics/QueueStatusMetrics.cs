using CallCenter.Calls.Routing;
using CallCenter.Server.Agents;
using Prometheus;

namespace CallCenter.Server.Metrics;

/// <summary>
/// Per-queue live figures, read from routing when <c>/metrics</c> is scraped: calls waiting, longest wait,
/// callbacks pending, eligible agents by state, service level and average speed of answer.
/// </summary>
public sealed class QueueStatusMetrics(CollectorRegistry registry, IContactCentre centre, ILogger<QueueStatusMetrics> logger)
{
    /// <summary>How long a scrape waits for routing's snapshot before serving the previous figures.</summary>
    public static readonly TimeSpan SnapshotTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Creates the gauges and the scrape-time update.</summary>
    public void Register()
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        var waiting = factory.CreateGauge("callcenter_queue_waiting", "Calls waiting in the queue (not ringing an agent).", "queue");
        var longest = factory.CreateGauge("callcenter_queue_longest_wait_seconds", "Longest current wait in the queue, 0 when nobody waits.", "queue");
        var callbacks = factory.CreateGauge("callcenter_queue_callbacks_pending", "Callbacks of the queue not yet completed or given up.", "queue");
        var agents = factory.CreateGauge(
            "callcenter_queue_agents",
            "Agents eligible for the queue, by state (logged-out, available, reserved, on-call, wrap-up, paused); unregistered agents count as logged-out.",
            "queue",
            "state");
        var serviceLevel = factory.CreateGauge(
            "callcenter_queue_service_level_ratio",
            "Answered within the threshold / (answered + abandoned after the threshold), since start; absent before the first such contact.",
            "queue");
        var speedOfAnswer = factory.CreateGauge(
            "callcenter_queue_average_speed_of_answer_seconds",
            "Average wait of answered contacts since start; absent before the first answer.",
            "queue");

        registry.AddBeforeCollectCallback(async cancel =>
        {
            IReadOnlyList<QueueStatus> queues;
            try
            {
                queues = await centre.GetQueuesAsync().WaitAsync(SnapshotTimeout, cancel).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                logger.LogWarning("Routing gave no queue snapshot within {Timeout}; /metrics shows the previous queue figures", SnapshotTimeout);
                return;
            }

            foreach (var queue in queues)
            {
                waiting.WithLabels(queue.Name).Set(queue.Waiting);
                longest.WithLabels(queue.Name).Set(queue.LongestWait.TotalSeconds);
                callbacks.WithLabels(queue.Name).Set(queue.CallbacksPending);
                foreach (var state in AgentStateNames.All)
                {
                    agents.WithLabels(queue.Name, AgentStateNames.Name(state)).Set(queue.AgentsByState.GetValueOrDefault(state));
                }

                SetOrRemove(serviceLevel, queue.Name, queue.Totals.ServiceLevel);
                SetOrRemove(speedOfAnswer, queue.Name, queue.Totals.AverageSpeedOfAnswer?.TotalSeconds);
            }
        });
    }

    private static void SetOrRemove(Gauge gauge, string queue, double? value)
    {
        if (value is { } known)
        {
            gauge.WithLabels(queue).Set(known);
        }
        else
        {
            gauge.RemoveLabelled(queue);
        }
    }
}
