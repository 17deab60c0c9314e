using CallCenter.Calls.Routing;
using CallCenter.Config;
using CallCenter.Routing;
using CallCenter.Server.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace CallCenter.Server.Tests;

/// <summary>Per-queue Prometheus series: routing events (QueueMetrics) and live figures at scrape (QueueStatusMetrics).</summary>
public class ApiMetricsTests
{
    private static readonly CallCenterConfig Config = ConfigLoader.LoadFromText("""
        agents:
          - extension: "1001"
            name: "A"
            secret: "pw"
            skills: { billing: 5 }
        queues:
          billing:
            skills: { billing: 1 }
        """, "test.yaml");

    [Fact]
    public async Task ConfiguredQueuesHaveTheirSeriesAtZeroBeforeAnyEvent()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        _ = new QueueMetrics(registry, Config);
        var text = await ScrapeAsync(registry);

        Assert.Contains("callcenter_queue_offered_total{queue=\"billing\",kind=\"call\"} 0", text);
        Assert.Contains("callcenter_queue_abandoned_total{queue=\"billing\",when=\"after\"} 0", text);
        Assert.Contains("callcenter_queue_rona_total{queue=\"billing\"} 0", text);
        Assert.Contains("callcenter_queue_handle_time_seconds_count{queue=\"billing\"} 0", text);
    }

    [Fact]
    public async Task RoutingEventsAreCountedPerQueue()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        IRoutingObserver metrics = new QueueMetrics(registry, Config);
        metrics.Offered("billing", callback: false);
        metrics.Offered("billing", callback: false);
        metrics.Offered("billing", callback: true);
        metrics.Answered("billing", TimeSpan.FromSeconds(12), withinThreshold: true);
        metrics.Abandoned("billing", TimeSpan.FromSeconds(5), afterThreshold: false);
        metrics.Abandoned("billing", TimeSpan.FromSeconds(50), afterThreshold: true);
        metrics.Abandoned("billing", TimeSpan.FromSeconds(60), afterThreshold: true);
        metrics.RingNoAnswer("billing", "1001");
        metrics.Handled("billing", TimeSpan.FromSeconds(200));
        metrics.EstimateChecked("billing", TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(45));
        metrics.Offered("default", callback: false);

        var text = await ScrapeAsync(registry);

        Assert.Contains("callcenter_queue_offered_total{queue=\"billing\",kind=\"call\"} 2", text);
        Assert.Contains("callcenter_queue_offered_total{queue=\"billing\",kind=\"callback\"} 1", text);
        Assert.Contains("callcenter_queue_offered_total{queue=\"default\",kind=\"call\"} 1", text);
        Assert.Contains("callcenter_queue_answered_total{queue=\"billing\"} 1", text);
        Assert.Contains("callcenter_queue_abandoned_total{queue=\"billing\",when=\"before\"} 1", text);
        Assert.Contains("callcenter_queue_abandoned_total{queue=\"billing\",when=\"after\"} 2", text);
        Assert.Contains("callcenter_queue_rona_total{queue=\"billing\"} 1", text);
        Assert.Contains("callcenter_queue_answer_wait_seconds_sum{queue=\"billing\"} 12", text);
        Assert.Contains("callcenter_queue_answer_wait_seconds_bucket{queue=\"billing\",le=\"15\"} 1", text);
        Assert.Contains("callcenter_queue_answer_wait_seconds_bucket{queue=\"billing\",le=\"10\"} 0", text);
        Assert.Contains("callcenter_queue_handle_time_seconds_sum{queue=\"billing\"} 200", text);
        Assert.Contains("callcenter_queue_estimated_wait_error_seconds_sum{queue=\"billing\"} -15", text);
        Assert.Contains("callcenter_queue_estimated_wait_error_seconds_bucket{queue=\"billing\",le=\"-10\"} 1", text);
        Assert.Contains("callcenter_queue_estimated_wait_error_seconds_bucket{queue=\"billing\",le=\"-30\"} 0", text);
    }

    [Fact]
    public async Task LiveFiguresAreReadFromRoutingAtEachScrape()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var centre = new FakeContactCentre();
        new QueueStatusMetrics(registry, centre, NullLogger<QueueStatusMetrics>.Instance).Register();
        centre.Queues.Add(new QueueStatus(
            "billing",
            3,
            TimeSpan.FromSeconds(42),
            1,
            new Dictionary<AgentState, int> { [AgentState.Available] = 2, [AgentState.Paused] = 1 },
            new QueueTotals(10, 4, 3, 1, 2, TimeSpan.FromSeconds(40), 0)));

        var text = await ScrapeAsync(registry);

        Assert.Contains("callcenter_queue_waiting{queue=\"billing\"} 3", text);
        Assert.Contains("callcenter_queue_longest_wait_seconds{queue=\"billing\"} 42", text);
        Assert.Contains("callcenter_queue_callbacks_pending{queue=\"billing\"} 1", text);
        Assert.Contains("callcenter_queue_agents{queue=\"billing\",state=\"available\"} 2", text);
        Assert.Contains("callcenter_queue_agents{queue=\"billing\",state=\"paused\"} 1", text);
        Assert.Contains("callcenter_queue_agents{queue=\"billing\",state=\"on-call\"} 0", text);
        Assert.Contains("callcenter_queue_service_level_ratio{queue=\"billing\"} 0.5", text);
        Assert.Contains("callcenter_queue_average_speed_of_answer_seconds{queue=\"billing\"} 10", text);

        centre.Queues[0] = centre.Queues[0] with { Waiting = 0, LongestWait = TimeSpan.Zero };
        text = await ScrapeAsync(registry);
        Assert.Contains("callcenter_queue_waiting{queue=\"billing\"} 0", text);
    }

    [Fact]
    public async Task ServiceLevelAndSpeedOfAnswerAreAbsentUntilDefined()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var centre = new FakeContactCentre();
        new QueueStatusMetrics(registry, centre, NullLogger<QueueStatusMetrics>.Instance).Register();
        centre.Queues.Add(new QueueStatus("billing", 0, TimeSpan.Zero, 0, new Dictionary<AgentState, int>(), new QueueTotals(1, 0, 0, 1, 0, TimeSpan.Zero, 0)));

        var text = await ScrapeAsync(registry);

        Assert.Contains("callcenter_queue_waiting{queue=\"billing\"} 0", text);
        Assert.DoesNotContain("callcenter_queue_service_level_ratio{", text);
        Assert.DoesNotContain("callcenter_queue_average_speed_of_answer_seconds{", text);
    }

    private static async Task<string> ScrapeAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
