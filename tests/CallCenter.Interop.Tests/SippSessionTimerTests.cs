using System.Globalization;
using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Sipp;

namespace CallCenter.Interop.Tests;

/// <summary>
/// RFC 4028 session timers with a real sipp caller: a timer asked for is named back in the 200 with Require: timer
/// and refreshed by UPDATE, and one below the server's minimum is refused with 422 and Min-SE.
/// </summary>
public sealed class SippSessionTimerTests
{
    [InteropFact(SippRunner.Program)]
    public async Task A_caller_asking_for_a_session_timer_gets_it_back_with_Require_timer_and_can_refresh_it()
    {
        using var workspace = new InteropWorkspace("session-timer");
        await using var server = await ServerHost.StartMd5Async(workspace);

        var caller = await RunCallerAsync(workspace, server, "call_session_timer.xml");

        // The scenario itself checks Session-Expires: 90;refresher=uac and Require: timer on the 200s.
        Assert.True(caller.AllSucceeded(1), caller.Describe());
        var answer = caller.MessageLog.Split("SIP/2.0 200 OK").Skip(1).First(m => m.Contains(" INVITE", StringComparison.Ordinal));
        Assert.Contains("Session-Expires: 90;refresher=uac", answer, StringComparison.Ordinal);
        Assert.Contains("Require: timer", answer, StringComparison.Ordinal);
        Assert.Contains("Supported: timer", answer, StringComparison.Ordinal);
        Assert.True(await CallsSettled.WithinAsync(server, "caller-hangup", TimeSpan.FromSeconds(5)), await CallsSettled.DescribeAsync(server));
    }

    [InteropFact(SippRunner.Program)]
    public async Task A_caller_asking_for_too_short_a_session_timer_gets_422_with_Min_SE_90()
    {
        using var workspace = new InteropWorkspace("session-timer-too-short");
        await using var server = await ServerHost.StartMd5Async(workspace);

        var caller = await RunCallerAsync(workspace, server, "call_session_too_short.xml");

        Assert.True(caller.AllSucceeded(1), caller.Describe());
        Assert.Contains("SIP/2.0 422 Session Interval Too Small", caller.MessageLog, StringComparison.Ordinal);
        Assert.Contains("Min-SE: 90", caller.MessageLog, StringComparison.Ordinal);
        var metrics = await server.GetMetricsAsync();
        Assert.Equal(0, PrometheusText.Value(metrics, "callcenter_calls_active"));
        Assert.Equal(0, PrometheusText.Value(metrics, "callcenter_sip_dialogs_active"));
    }

    private static Task<SippResult> RunCallerAsync(InteropWorkspace workspace, ServerHost server, string scenario) =>
        SippRunner.RunAsync(workspace, new SippRun(scenario, server.SipPort)
        {
            LogName = "caller",
            ExtraArguments = ["-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture)],
            Timeout = TimeSpan.FromSeconds(30),
        });
}
