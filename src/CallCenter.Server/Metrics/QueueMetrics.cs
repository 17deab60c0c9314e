using CallCenter.Calls.Routing;
using CallCenter.Config;
using Prometheus;

namespace CallCenter.Server.Metrics;

/// <summary>
/// Per-queue routing events as Prometheus series: contacts offered, answered, abandoned (before or after the
/// service-level threshold), ring-no-answer, and histograms of handle time, wait before answer and the error of the
/// wait estimate callers were told. Routing calls it on its executor; every operation here is a lock-free update.
/// The live figures (waiting, agents by state…) are <see cref="QueueStatusMetrics"/>.
/// </summary>
public sealed class QueueMetrics : IRoutingObserver
{
    /// <summary>Handle-time buckets in seconds: 15 s up to an hour.</summary>
    public static readonly double[] HandleTimeBuckets = [15, 30, 60, 120, 180, 300, 600, 900, 1800, 3600];

    /// <summary>Wait buckets in seconds, dense around the usual service-level thresholds (10–30 s).</summary>
    public static readonly double[] AnswerWaitBuckets = [5, 10, 15, 20, 30, 45, 60, 120, 300, 600, 1200];

    /// <summary>Estimate-error buckets in seconds (actual − estimated: below 0 the caller was told too long a wait).</summary>
    public static readonly double[] EstimateErrorBuckets = [-600, -300, -120, -60, -30, -10, 0, 10, 30, 60, 120, 300, 600];

    private readonly Counter _offered;
    private readonly Counter _answered;
    private readonly Counter _abandoned;
    private readonly Counter _rona;
    private readonly Histogram _handleTime;
    private readonly Histogram _answerWait;
    private readonly Histogram _estimateError;

    /// <summary>Creates the series, with every configured queue's present at zero so dashboards show 0, not nothing.</summary>
    public QueueMetrics(CollectorRegistry registry, CallCenterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _offered = factory.CreateCounter("callcenter_queue_offered_total", "Contacts that entered the queue, by kind: call or callback.", "queue", "kind");
        _answered = factory.CreateCounter("callcenter_queue_answered_total", "Contacts of the queue an agent answered.", "queue");
        _abandoned = factory.CreateCounter(
            "callcenter_queue_abandoned_total",
            "Callers who hung up while waiting, by when: before or after the queue's service-level threshold.",
            "queue",
            "when");
        _rona = factory.CreateCounter("callcenter_queue_rona_total", "Offers an agent did not answer within the ring timeout (ring no answer).", "queue");
        _handleTime = factory.CreateHistogram(
            "callcenter_queue_handle_time_seconds",
            "Talk time of each ended conversation (wrap-up not included).",
            new HistogramConfiguration { LabelNames = ["queue"], Buckets = HandleTimeBuckets });
        _answerWait = factory.CreateHistogram(
            "callcenter_queue_answer_wait_seconds",
            "Wait of each answered contact, from entering the queue to the agent answering (speed of answer).",
            new HistogramConfiguration { LabelNames = ["queue"], Buckets = AnswerWaitBuckets });
        _estimateError = factory.CreateHistogram(
            "callcenter_queue_estimated_wait_error_seconds",
            "Per contact at its first offer: actual wait minus the wait it was told on arrival.",
            new HistogramConfiguration { LabelNames = ["queue"], Buckets = EstimateErrorBuckets });

        foreach (var queue in config.Queues)
        {
            _offered.WithLabels(queue.Name, "call");
            _offered.WithLabels(queue.Name, "callback");
            _answered.WithLabels(queue.Name);
            _abandoned.WithLabels(queue.Name, "before");
            _abandoned.WithLabels(queue.Name, "after");
            _rona.WithLabels(queue.Name);
            _handleTime.WithLabels(queue.Name);
            _answerWait.WithLabels(queue.Name);
            _estimateError.WithLabels(queue.Name);
        }
    }

    /// <inheritdoc />
    public void Offered(string queue, bool callback) => _offered.WithLabels(queue, callback ? "callback" : "call").Inc();

    /// <inheritdoc />
    public void Answered(string queue, TimeSpan wait, bool withinThreshold)
    {
        _answered.WithLabels(queue).Inc();
        _answerWait.WithLabels(queue).Observe(wait.TotalSeconds);
    }

    /// <inheritdoc />
    public void Abandoned(string queue, TimeSpan wait, bool afterThreshold) =>
        _abandoned.WithLabels(queue, afterThreshold ? "after" : "before").Inc();

    /// <inheritdoc />
    public void RingNoAnswer(string queue, string agentId) => _rona.WithLabels(queue).Inc();

    /// <inheritdoc />
    public void Handled(string queue, TimeSpan handleTime) => _handleTime.WithLabels(queue).Observe(handleTime.TotalSeconds);

    /// <inheritdoc />
    public void EstimateChecked(string queue, TimeSpan estimated, TimeSpan actual) =>
        _estimateError.WithLabels(queue).Observe((actual - estimated).TotalSeconds);

}
