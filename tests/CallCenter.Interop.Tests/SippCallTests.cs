using System.Globalization;
using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Sipp;

namespace CallCenter.Interop.Tests;

/// <summary>
/// The call path end to end with real peers: a sipp caller dials 100, presses 1 (RFC 4733), and is bridged to
/// an agent that is a sipp UAS registered as 1001; the caller hangs up and both legs end with nothing left over.
/// </summary>
public sealed class SippCallTests
{
    [InteropFact(SippRunner.Program)]
    public async Task Caller_presses_1_and_is_bridged_to_the_registered_agent_then_hangs_up()
    {
        using var workspace = new InteropWorkspace("call-press-1");
        await using var server = await ServerHost.StartMd5Async(workspace);
        var agentPort = LoopbackPorts.ReserveOne();

        // The agent registers from the port its UAS will listen on, so its Contact is where the INVITE goes.
        var registration = await SippRunner.RunAsync(workspace, new SippRun("register.xml", server.SipPort) { LocalPort = agentPort, LogName = "agent-register" });
        Assert.True(registration.AllSucceeded(1), registration.Describe());

        var controlPort = LoopbackPorts.ReserveOne();
        await using var agent = PeerProcess.Start(new PeerCommand(
            SippRunner.Program,
            ["-sn", "uas", "-i", "127.0.0.1", "-p", agentPort.ToString(CultureInfo.InvariantCulture), "-cp", controlPort.ToString(CultureInfo.InvariantCulture),
             "-m", "1", "-nostdin", "-buff_size", "4194304", "-timeout", "30s", "-trace_msg", "-message_file", workspace.PathOf("agent-messages.log")],
            workspace.Root,
            "agent-uas"));
        Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(5), () => LoopbackPorts.IsUdpBound(agentPort)), "the agent UAS did not start");

        var mediaPort = LoopbackPorts.ReserveOne();
        var caller = await SippRunner.RunAsync(workspace, new SippRun("call_press_1.xml", server.SipPort)
        {
            LogName = "caller",
            ExtraArguments = ["-mp", mediaPort.ToString(CultureInfo.InvariantCulture)],
            Timeout = TimeSpan.FromSeconds(30),
        });

        Assert.True(caller.AllSucceeded(1), caller.Describe());
        var agentExit = await agent.WaitForExitAsync(TimeSpan.FromSeconds(15));
        var agentLog = PeerExit.ReadOrEmpty(workspace.PathOf("agent-messages.log"));
        Assert.Contains("INVITE sip:1001@127.0.0.1:" + agentPort, agentLog);
        Assert.Contains("BYE sip:", agentLog);
        Assert.Equal(0, agentExit.ExitCode);

        // Nothing leaks: no call, no RTP port pair, no dialog survives the call.
        Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(5), async () =>
        {
            var metrics = await server.GetMetricsAsync();
            return PrometheusText.Value(metrics, "callcenter_calls_total", "outcome=\"caller-hangup\"") == 1
                && PrometheusText.Value(metrics, "callcenter_calls_active") == 0
                && PrometheusText.Value(metrics, "callcenter_media_legs_active") == 0
                && PrometheusText.Value(metrics, "callcenter_sip_dialogs_active") == 0;
        }), await server.GetMetricsAsync());
    }
}
