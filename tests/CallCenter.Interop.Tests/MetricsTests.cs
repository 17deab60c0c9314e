using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Sipp;

namespace CallCenter.Interop.Tests;

/// <summary>/metrics counts the SIP traffic a real peer sent.</summary>
public sealed class MetricsTests
{
    [InteropFact(SippRunner.Program)]
    public async Task Metrics_count_the_registers_and_their_answers()
    {
        using var workspace = new InteropWorkspace("metrics");
        await using var server = await ServerHost.StartMd5Async(workspace);

        var result = await SippRunner.RunAsync(
            workspace,
            new SippRun("register.xml", server.SipPort)
            {
                // TCP: no retransmissions, so the counts are exact even if the first answer is slow (JIT warm-up).
                Transport = SippTransport.Tcp,
                Calls = 3,
                Users = Enumerable.Repeat(("1001", "pw1001"), 3).ToArray(),
            });

        Assert.True(result.AllSucceeded(3), result.Describe());
        var metrics = await server.GetMetricsAsync();
        // Each call is an unauthenticated REGISTER (answered 401) and an authorised one (answered 200).
        Assert.Equal(6, PrometheusText.Value(metrics, "callcenter_sip_requests_received_total", "method=\"REGISTER\""));
        Assert.Equal(3, PrometheusText.Value(metrics, "callcenter_sip_responses_sent_total", "code=\"401\""));
        Assert.Equal(3, PrometheusText.Value(metrics, "callcenter_sip_responses_sent_total", "code=\"200\""));
    }
}
