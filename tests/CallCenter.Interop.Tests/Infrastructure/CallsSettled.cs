namespace CallCenter.Interop.Tests.Infrastructure;

/// <summary>
/// Waits for the server to have finished a test's calls and released everything they held, read from
/// <c>/metrics</c>: the calls counted under their outcome, and no call, RTP port pair or SIP dialog left.
/// </summary>
public static class CallsSettled
{
    /// <summary>
    /// True once <c>callcenter_calls_total{outcome="…"}</c> equals <paramref name="calls"/> and no call, media leg or
    /// dialog is active, within <paramref name="limit"/>.
    /// </summary>
    public static Task<bool> WithinAsync(ServerHost server, string outcome, TimeSpan limit, int calls = 1) =>
        Eventually.TrueWithinAsync(limit, async () =>
        {
            var metrics = await server.GetMetricsAsync();
            return PrometheusText.Value(metrics, "callcenter_calls_total", $"outcome=\"{outcome}\"") == calls
                && PrometheusText.Value(metrics, "callcenter_calls_active") == 0
                && PrometheusText.Value(metrics, "callcenter_media_legs_active") == 0
                && PrometheusText.Value(metrics, "callcenter_sip_dialogs_active") == 0;
        });

    /// <summary>The call, media and dialog series of <c>/metrics</c>, for assertion messages.</summary>
    public static async Task<string> DescribeAsync(ServerHost server)
    {
        var metrics = await server.GetMetricsAsync();
        return string.Join('\n', metrics.Split('\n').Where(line =>
            line.StartsWith("callcenter_calls", StringComparison.Ordinal)
            || line.StartsWith("callcenter_media", StringComparison.Ordinal)
            || line.StartsWith("callcenter_sip_dialogs", StringComparison.Ordinal)));
    }
}
