using System.Globalization;
using CallCenter.Sip.Stack;
using Prometheus;

namespace CallCenter.Server.Metrics;

/// <summary>
/// Prometheus counters for SIP traffic (exposed at /metrics). Label values are bounded: methods are folded
/// by <see cref="MethodLabel"/> and status codes are 100–699.
/// </summary>
public sealed class SipMetrics : ISipStackObserver
{
    private readonly Counter _requestsReceived;
    private readonly Counter _requestsSent;
    private readonly Counter _responsesReceived;
    private readonly Counter _responsesSent;
    private readonly Counter _parseFailures;

    /// <summary>Creates the counters in <paramref name="registry"/>.</summary>
    public SipMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _requestsReceived = factory.CreateCounter("callcenter_sip_requests_received_total", "SIP requests received and accepted by the parser, by method.", "method");
        _requestsSent = factory.CreateCounter("callcenter_sip_requests_sent_total", "SIP requests sent, by method.", "method");
        _responsesReceived = factory.CreateCounter("callcenter_sip_responses_received_total", "SIP responses received, by status code.", "code");
        _responsesSent = factory.CreateCounter("callcenter_sip_responses_sent_total", "SIP responses sent, by status code.", "code");
        _parseFailures = factory.CreateCounter("callcenter_sip_parse_failures_total", "SIP messages refused: unparseable (dropped), invalid (answered), invalid-response (dropped).", "kind");
    }

    public void RequestReceived(string method) => _requestsReceived.WithLabels(method).Inc();

    public void RequestSent(string method) => _requestsSent.WithLabels(method).Inc();

    public void ResponseReceived(int statusCode) => _responsesReceived.WithLabels(CodeLabel(statusCode)).Inc();

    public void ResponseSent(int statusCode) => _responsesSent.WithLabels(CodeLabel(statusCode)).Inc();

    public void ParseFailed(string kind) => _parseFailures.WithLabels(kind).Inc();

    private static readonly string[] CodeLabels = Enumerable.Range(0, 700).Select(code => code.ToString(CultureInfo.InvariantCulture)).ToArray();

    private static string CodeLabel(int code) => (uint)code < CodeLabels.Length ? CodeLabels[code] : "other";
}
