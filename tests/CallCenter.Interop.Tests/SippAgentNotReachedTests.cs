using System.Globalization;
using CallCenter.Interop.Tests.Infrastructure;
using CallCenter.Interop.Tests.Media;
using CallCenter.Interop.Tests.Sipp;
using CallCenter.Media.G711;

namespace CallCenter.Interop.Tests;

/// <summary>
/// Calls that never reach the agent, with real peers: the caller hangs up while the agent's phone rings (the server
/// must CANCEL the agent's INVITE), the agent is busy (486), and the agent never answers (the ring timeout CANCELs
/// it). In the last two the call goes back in line; with the only agent kept from offers (reject delay, or paused
/// after one missed call) the default queue's maximum wait sends it to the flow's no-agent path, which tells the
/// caller and releases the call with the server's own BYE.
/// </summary>
public sealed class SippAgentNotReachedTests
{
    private const int RingTimeoutSeconds = 3;

    private static readonly string[] MaxWaitSettings = ["--Routing:DefaultQueue:MaxWait=00:00:04", "--Routing:DefaultQueue:MaxMissedCalls=1"];

    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AgentExitLimit = TimeSpan.FromSeconds(15);

    [InteropFact(SippRunner.Program)]
    public async Task Caller_hanging_up_while_the_agent_rings_cancels_the_agents_invite()
    {
        using var workspace = new InteropWorkspace("call-cancel-ringing");
        await using var server = await ServerHost.StartMd5Async(workspace);
        await using var agent = await SippAgentUas.StartAsync(workspace, server, new SippUasRun("agent_ring_until_cancel.xml"));

        // The caller presses 1 after 1.5 s and hangs up 6 s later; the agent is still ringing (ring timeout 20 s).
        var caller = await RunCallerAsync(workspace, server, "call_press_1.xml");

        Assert.True(caller.AllSucceeded(1), caller.Describe());
        var agentExit = await agent.WaitForExitAsync(AgentExitLimit);
        Assert.True(agentExit.Succeeded, agent.Describe(agentExit) + "\n--- caller ---\n" + caller.Describe());
        var agentLog = agent.MessageLog;
        Assert.Contains("CANCEL sip:1001@", agentLog, StringComparison.Ordinal);
        Assert.Contains("SIP/2.0 487 Request Terminated", agentLog, StringComparison.Ordinal);
        Assert.Contains("ACK sip:1001@", agentLog, StringComparison.Ordinal);
        Assert.DoesNotContain("BYE sip:", agentLog, StringComparison.Ordinal);
        Assert.True(await CallsSettled.WithinAsync(server, "caller-hangup", SettleLimit), await CallsSettled.DescribeAsync(server));
    }

    [InteropFact(SippRunner.Program)]
    public async Task Agent_busy_486_releases_the_caller_after_telling_them()
    {
        using var workspace = new InteropWorkspace("call-agent-busy");
        using var callerRtp = new RtpSink();
        await using var server = await ServerHost.StartMd5Async(workspace, MaxWaitSettings);
        await using var agent = await SippAgentUas.StartAsync(workspace, server, new SippUasRun("agent_busy.xml"));

        var caller = await RunListeningCallerAsync(workspace, server, callerRtp);

        Assert.True(caller.AllSucceeded(1), caller.Describe());
        Assert.Contains("BYE sip:0917555@", caller.MessageLog, StringComparison.Ordinal);
        AssertCallerHeardReleasePrompts(callerRtp);
        var agentExit = await agent.WaitForExitAsync(AgentExitLimit);
        Assert.True(agentExit.Succeeded, agent.Describe(agentExit) + "\n--- caller ---\n" + caller.Describe());
        Assert.Contains("SIP/2.0 486 Busy Here", agent.MessageLog, StringComparison.Ordinal);
        Assert.True(await CallsSettled.WithinAsync(server, "agent-failed-4xx", SettleLimit), await CallsSettled.DescribeAsync(server));
    }

    [InteropFact(SippRunner.Program)]
    public async Task Agent_that_never_answers_is_cancelled_at_the_ring_timeout_and_the_caller_is_released()
    {
        using var workspace = new InteropWorkspace("call-ring-timeout");
        using var callerRtp = new RtpSink();
        await using var server = await ServerHost.StartMd5Async(
            workspace, ["--Calls:RingTimeout=" + TimeSpan.FromSeconds(RingTimeoutSeconds).ToString("c", CultureInfo.InvariantCulture), .. MaxWaitSettings]);
        await using var agent = await SippAgentUas.StartAsync(workspace, server, new SippUasRun("agent_ring_until_cancel.xml"));

        var caller = await RunListeningCallerAsync(workspace, server, callerRtp);

        Assert.True(caller.AllSucceeded(1), caller.Describe());
        Assert.Contains("BYE sip:0917555@", caller.MessageLog, StringComparison.Ordinal);
        AssertCallerHeardReleasePrompts(callerRtp);
        var agentExit = await agent.WaitForExitAsync(AgentExitLimit);
        Assert.True(agentExit.Succeeded, agent.Describe(agentExit) + "\n--- caller ---\n" + caller.Describe());
        var agentLog = agent.MessageLog;
        Assert.Contains("ACK sip:1001@", agentLog, StringComparison.Ordinal);

        // The CANCEL comes from the ring timeout (3 s here), not from anything earlier or much later.
        var trace = SippMessageTrace.Parse(agentLog);
        var invite = SippMessageTrace.First(trace, "INVITE sip:1001@");
        var cancel = SippMessageTrace.First(trace, "CANCEL sip:1001@");
        Assert.True(invite is not null && cancel is not null, agentLog);
        Assert.InRange((cancel.LoggedAt - invite.LoggedAt).TotalSeconds, RingTimeoutSeconds - 0.1, RingTimeoutSeconds + 2);
        Assert.True(await CallsSettled.WithinAsync(server, "agent-no-answer", SettleLimit), await CallsSettled.DescribeAsync(server));
    }

    private static Task<SippResult> RunCallerAsync(InteropWorkspace workspace, ServerHost server, string scenario, params string[] extraArguments) =>
        SippRunner.RunAsync(workspace, new SippRun(scenario, server.SipPort)
        {
            LogName = "caller",
            ExtraArguments = ["-mp", LoopbackPorts.ReserveOne().ToString(CultureInfo.InvariantCulture), .. extraArguments],
            Timeout = TimeSpan.FromSeconds(30),
        });

    // The caller presses 1 by SIP INFO and sends no RTP, so everything the server plays it lands in the sink.
    private static Task<SippResult> RunListeningCallerAsync(InteropWorkspace workspace, ServerHost server, RtpSink callerRtp) =>
        RunCallerAsync(workspace, server, "call_info_press_1_await_release.xml", "-key", "rtp_sink_port", callerRtp.Port.ToString(CultureInfo.InvariantCulture));

    /// <summary>The caller was told: "all agents busy" then "goodbye", whole and back to back, before the BYE.</summary>
    private static void AssertCallerHeardReleasePrompts(RtpSink callerRtp)
    {
        var prompts = PromptAudio.Load();
        var expected = PromptAudio.Frames(prompts.Get("en/all-agents-busy"), G711Law.MuLaw)
            .Concat(PromptAudio.Frames(prompts.Get("en/goodbye"), G711Law.MuLaw))
            .ToArray();
        var received = callerRtp.Snapshot();
        Assert.All(received, packet => Assert.Equal(0, packet.PayloadType));
        Assert.True(
            PromptAudio.IndexOfRun(received.Select(packet => packet.Payload).ToArray(), expected) >= 0,
            $"the {expected.Length} frames of en/all-agents-busy + en/goodbye were not among the {received.Count} RTP packets the caller received");
    }
}
