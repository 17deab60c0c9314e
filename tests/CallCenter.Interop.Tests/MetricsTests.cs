using System.Globalization;
using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Sipp;

namespace CallCenter.Interop.Tests;

/// <summary>/metrics counts the SIP and media traffic real peers sent.</summary>
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

    [InteropFact(SippRunner.Program)]
    public async Task Metrics_count_rtp_both_ways_the_rfc4733_key_and_each_legs_loss_and_jitter_after_a_press_1_call()
    {
        using var workspace = new InteropWorkspace("metrics-media");
        await using var server = await ServerHost.StartMd5Async(workspace);
        await using var agent = await SippAgentUas.StartAsync(workspace, server, new SippUasRun(null));

        var caller = await SippRunner.RunAsync(workspace, new SippRun("call_press_1.xml", server.SipPort)
        {
            LogName = "caller",
            ExtraArguments = ["-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture)],
            Timeout = TimeSpan.FromSeconds(30),
        });

        Assert.True(caller.AllSucceeded(1), caller.Describe());
        Assert.True(await CallsSettled.WithinAsync(server, "caller-hangup", TimeSpan.FromSeconds(5)), await CallsSettled.DescribeAsync(server));
        var metrics = await server.GetMetricsAsync();

        // The caller's key came as RFC 4733 events in its RTP; the server sent the greeting and ringback.
        Assert.True(PrometheusText.Value(metrics, "callcenter_rtp_packets_total", "direction=\"in\"") > 0, metrics);
        Assert.True(PrometheusText.Value(metrics, "callcenter_rtp_packets_total", "direction=\"out\"") > 0, metrics);
        Assert.True(PrometheusText.Value(metrics, "callcenter_rtp_bytes_total", "direction=\"in\"") > 0, metrics);
        Assert.True(PrometheusText.Value(metrics, "callcenter_rtp_bytes_total", "direction=\"out\"") > 0, metrics);
        Assert.True(PrometheusText.Value(metrics, "callcenter_rtcp_packets_total", "direction=\"out\"") > 0, metrics);
        Assert.Equal(1, PrometheusText.Value(metrics, "callcenter_dtmf_events_total", "method=\"rfc4733\""));
        Assert.Equal(0, PrometheusText.Value(metrics, "callcenter_dtmf_events_total", "method=\"inband\""));

        // The caller's leg measured the caller's stream, so each histogram holds at least its observation.
        Assert.True(PrometheusText.Value(metrics, "callcenter_rtp_leg_loss_ratio_count") >= 1, metrics);
        Assert.True(PrometheusText.Value(metrics, "callcenter_rtp_leg_jitter_seconds_count") >= 1, metrics);
    }

    [InteropFact(SippRunner.Program)]
    public async Task Metrics_count_a_key_sent_as_sip_info_by_its_method()
    {
        using var workspace = new InteropWorkspace("metrics-info");
        await using var server = await ServerHost.StartMd5Async(workspace);
        await using var agent = await SippAgentUas.StartAsync(workspace, server, new SippUasRun(null));

        var caller = await SippRunner.RunAsync(workspace, new SippRun("call_press_1_info.xml", server.SipPort)
        {
            LogName = "caller",
            ExtraArguments = ["-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture)],
            Timeout = TimeSpan.FromSeconds(30),
        });

        Assert.True(caller.AllSucceeded(1), caller.Describe());
        Assert.True(await CallsSettled.WithinAsync(server, "caller-hangup", TimeSpan.FromSeconds(5)), await CallsSettled.DescribeAsync(server));
        var metrics = await server.GetMetricsAsync();
        Assert.Equal(1, PrometheusText.Value(metrics, "callcenter_dtmf_events_total", "method=\"info\""));
        Assert.Equal(0, PrometheusText.Value(metrics, "callcenter_dtmf_events_total", "method=\"rfc4733\""));
    }
}
