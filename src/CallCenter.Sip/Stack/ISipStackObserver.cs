namespace CallCenter.Sip.Stack;

/// <summary>
/// What the stack reports for metrics. The SIP library stays free of any metrics package: the server
/// implements this with Prometheus counters. Calls happen on receive threads, so implementations must be
/// cheap and thread-safe. Method names passed here are already folded to a bounded set (see <see cref="MethodLabel"/>).
/// </summary>
public interface ISipStackObserver
{
    /// <summary>A request passed parsing and validation.</summary>
    void RequestReceived(string method);

    /// <summary>A response passed parsing and validation.</summary>
    void ResponseReceived(int statusCode);

    /// <summary>A response was handed to the transport.</summary>
    void ResponseSent(int statusCode);

    /// <summary>A request was handed to the transport.</summary>
    void RequestSent(string method);

    /// <summary>A message was refused: <paramref name="kind"/> is "unparseable" (dropped), "invalid" (answered 4xx/5xx) or "invalid-response" (dropped).</summary>
    void ParseFailed(string kind);
}

/// <summary>An observer that ignores everything (library use without metrics).</summary>
public sealed class NullSipStackObserver : ISipStackObserver
{
    /// <summary>The shared instance.</summary>
    public static readonly NullSipStackObserver Instance = new();

    public void RequestReceived(string method) { }
    public void ResponseReceived(int statusCode) { }
    public void ResponseSent(int statusCode) { }
    public void RequestSent(string method) { }
    public void ParseFailed(string kind) { }
}
